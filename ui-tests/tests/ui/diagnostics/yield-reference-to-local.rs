// A gen block that yields a reference to its own data: E0515 at the `yield` ("local data"
// for a capture, "local variable" for a local of the body), next to E0626, as on nightly.
#![feature(gen_blocks)]
fn a(s: String) -> impl Iterator<Item = &'static String> {
    gen move {
        yield &s; //~ ERROR: cannot yield value referencing local data `s`
        //~^ ERROR: borrow may still be in use
    }
}
fn b() -> impl Iterator<Item = &'static u32> {
    gen {
        let x = 5;
        yield &x; //~ ERROR: cannot yield value referencing local variable `x`
        //~^ ERROR: borrow may still be in use
    }
}
fn c(v: Vec<u32>) -> impl Iterator<Item = &'static [u32]> {
    gen move {
        let w = v;
        yield //~ ERROR: cannot yield value referencing local variable `w`
            &w[..1]; //~ ERROR: borrow may still be in use
    }
}
fn d(s: String) -> impl Iterator<Item = &'static str> {
    gen move {
        yield s.as_str(); //~ ERROR: cannot yield value referencing local data `s`
        //~^ ERROR: borrow may still be in use
    }
}
fn main() { let _ = (a(String::new()), b(), c(vec![]), d(String::new())); }
