// A closure with `yield`s but without `#[coroutine]` is a coroutine with an error, reported
// once, at its first `yield`.
#![feature(coroutines)]

fn main() {
    let _two = || {
        yield 1;
        //~^ ERROR: `yield` can only be used in `#[coroutine]` closures, or `gen` blocks
        yield 2;
    };
}
