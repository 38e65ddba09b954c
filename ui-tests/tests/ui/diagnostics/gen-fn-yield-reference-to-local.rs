// A `gen fn` yields a reference to its own local: nightly's E0515 at the `yield`, then E0626
// at the borrow inside it (span order).
#![feature(gen_blocks)]

gen fn words() -> &'static str {
    let text = String::from("a b");
    yield &text[..1];
    //~^ ERROR: cannot yield value referencing local variable `text`
    //~| ERROR: borrow may still be in use when `gen` fn body yields
}

fn main() {
    for n in words() {
        println!("{n}");
    }
}
