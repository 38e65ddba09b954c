// With a coroutine gate, `yield` in a plain closure outside any gen makes the closure a
// coroutine: nightly's codeless error at the `yield` (no E0627), and E0618 where it is called.
#![feature(coroutines)]

fn main() {
    let step = |x: u32| {
        yield x;
        //~^ ERROR: `yield` can only be used in `#[coroutine]` closures, or `gen` blocks
    };
    step(1);
    //~^ ERROR: expected function, found `{coroutine@
}
