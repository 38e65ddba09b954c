//@run
// FIXME(yieldc): nightly moves a pattern parameter into the generator whole, so `_` and the
// parts no binding takes drop when the body completes ("made", "5", "drop mw", "drop mb").
// yieldc does so only where the pattern shares the line of the body's `{` (the body binds a
// copy of the pattern, which must stay on its line); in a signature over several lines the
// pattern stays a parameter of the outer function, and those parts drop when the call returns.
#![feature(gen_blocks)]

struct D(&'static str);

impl Drop for D {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

gen fn multi(
    (a, _b): (u8, D),
    _: D,
) -> u8 {
    yield a;
}

fn main() {
    let it = multi((5, D("mb")), D("mw"));
    println!("made");
    for x in it {
        println!("{x}");
    }
}
