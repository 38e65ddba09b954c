// `gen` closures do not exist: `gen || ..` does not parse.
// FIXME(yieldc): nightly rejects it with -@5; yieldc rejects it with -@6, E0627@6, E0658@6 (see the nightly-diff allow file).
#![feature(gen_blocks)]

fn main() {
    let _f = gen || {
        yield 1;
        //~^ ERROR: yield syntax is experimental
        //~| ERROR: `yield` can only be used in `#[coroutine]` closures, or `gen` blocks
        //~| ERROR: yield expression outside of coroutine literal
    };
}
