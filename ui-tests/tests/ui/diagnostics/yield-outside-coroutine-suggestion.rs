// `yield` outside any coroutine: rustc suggests `#[coroutine]` before the current item (a fn
// item's signature, none for a method), reports every E0627 after the lowering's errors, and
// a `yield` in an `async` block is E0727.
#![feature(gen_blocks)]

struct S;

impl S {
    fn method(&self) {
        yield 1;
        //~^ ERROR: `yield` can only be used in `#[coroutine]` closures, or `gen` blocks
        //~| ERROR: yield expression outside of coroutine literal
    }
}

/// Documented.
#[inline]
pub(crate) fn function() {
    yield 2;
    //~^ ERROR: `yield` can only be used in `#[coroutine]` closures, or `gen` blocks
    //~| ERROR: yield expression outside of coroutine literal
}

fn main() {
    let _f = async {
        yield 3; //~ ERROR: `async` coroutines are not yet supported
    };
    S.method();
    function();
}
