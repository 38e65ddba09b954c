// `gen_blocks` alone ungates `yield` syntax everywhere: in a plain function it is E0627, with
// no E0658.
#![feature(gen_blocks)]

fn main() {
    let _ = gen { yield 0; };
    yield 1;
    //~^ ERROR: `yield` can only be used in `#[coroutine]` closures, or `gen` blocks
    //~| ERROR: yield expression outside of coroutine literal
}
