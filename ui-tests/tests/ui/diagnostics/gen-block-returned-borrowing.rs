// A non-`move` gen block that borrows a local and is returned: E0373 with nightly's "gen block
// is returned here" note (rustc on the lowering sees the body as an argument instead).
#![feature(gen_blocks)]
fn f(c: bool) -> Box<dyn Iterator<Item = u32>> {
    let x = 5;
    if c {
        return Box::new(gen { yield x; }); // a comment
        //~^ ERROR: may outlive the current function
    }
    Box::new(gen {
        // a comment
        yield x;
    })
    //~^^^^ ERROR: may outlive the current function
}
fn g() -> impl Iterator<Item = u32> {
    let y = 5;
    return gen { yield y; };
    //~^ ERROR: may outlive the current function
}
fn main() { f(true); g(); }
