// `yield` inside a closure nested in a gen makes that closure a coroutine: nightly's codeless
// error at the `yield`, and E0618 where the closure is called.
#![feature(gen_blocks)]

fn main() {
    let g = gen {
        let f = || {
            yield 1;
            //~^ ERROR: `yield` can only be used in `#[coroutine]` closures, or `gen` blocks
        };
        f();
        //~^ ERROR: expected function, found `{coroutine@
        yield 2;
    };
    println!("{}", g.count());
}
