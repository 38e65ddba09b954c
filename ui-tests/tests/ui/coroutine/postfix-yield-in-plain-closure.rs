// A postfix `.yield` in a closure without `#[coroutine]`: one error, at the first one, and no
// E0627 (a closure with a `yield` is a coroutine literal to nightly).
#![feature(coroutines)]

fn main() {
    let _postfix = || {
        1.yield;
        //~^ ERROR: `yield` can only be used in `#[coroutine]` closures, or `gen` blocks
        2.yield;
    };
}
