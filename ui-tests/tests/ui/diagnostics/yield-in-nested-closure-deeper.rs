// The closure nightly makes a coroutine is the one whose own body holds the `yield`, at any
// depth inside a gen (here an `async gen` and a closure in a closure), with or without a
// parameter (its resume argument).
#![feature(gen_blocks, async_iterator)]

fn main() {
    let _in_async_gen = async gen {
        let f = || {
            yield 1;
            //~^ ERROR: `yield` can only be used in `#[coroutine]` closures, or `gen` blocks
        };
        f();
        //~^ ERROR: expected function, found `{coroutine@
        yield 2;
    };
    let _deeper = gen {
        let outer = || {
            let inner = || {
                yield 5u8;
                //~^ ERROR: `yield` can only be used in `#[coroutine]` closures, or `gen` blocks
            };
            inner();
            //~^ ERROR: expected function, found `{coroutine@
        };
        outer();
        yield 2;
    };
    let _with_parameter = gen {
        let f = |x: u8| {
            yield x;
            //~^ ERROR: `yield` can only be used in `#[coroutine]` closures, or `gen` blocks
        };
        f(3);
        //~^ ERROR: expected function, found `{coroutine@
        yield 2;
    };
}
