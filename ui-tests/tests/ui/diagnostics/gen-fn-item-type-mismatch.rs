// A `gen fn` whose yields do not match its item type: E0271 names the body as nightly does,
// at the item type; in a trait, with nightly's path.
#![feature(gen_blocks)]

gen fn f() -> u32 {
    yield "x"; //~^ ERROR: to be an iterator that yields `u32`, but it yields `&str`
}

mod m {
    pub trait T {
        gen fn g(&self) -> u32 { //~ ERROR: to be an iterator that yields `u32`, but it yields `&str`
            yield "y";
        }
    }
}

fn main() {
    for _ in f() {}
}
