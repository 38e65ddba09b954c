//@edition:2021
// FIXME(yieldc): nightly rejects it with -@5; yieldc rejects it with -@6, E0627@6, E0658@6 (see the nightly-diff allow file).
// In edition 2021, `gen fn` does not parse.
#![feature(gen_blocks)]

gen fn one() -> u8 {
    yield 1;
    //~^ ERROR: yield syntax is experimental
    //~| ERROR: `yield` can only be used in `#[coroutine]` closures, or `gen` blocks
    //~| ERROR: yield expression outside of coroutine literal
}

fn main() {}
