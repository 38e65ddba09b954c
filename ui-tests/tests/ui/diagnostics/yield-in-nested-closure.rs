// `yield` inside a closure nested in a gen makes that closure a coroutine.
// FIXME(yieldc): nightly rejects it with -@7, E0618@9; yieldc rejects it with -@7, E0627@7, E0658@7 (see the nightly-diff allow file).
#![feature(gen_blocks)]

fn main() {
    let g = gen {
        let f = || {
            yield 1;
            //~^ ERROR: yield syntax is experimental
            //~| ERROR: `yield` can only be used in `#[coroutine]` closures, or `gen` blocks
            //~| ERROR: yield expression outside of coroutine literal
        };
        f();
        yield 2;
    };
    println!("{}", g.count());
}
