// With `yield_expr`, `yield` in a plain function is E0627.
#![feature(yield_expr)]

fn main() {
    yield 1;
    //~^ ERROR: `yield` can only be used in `#[coroutine]` closures, or `gen` blocks
    //~| ERROR: yield expression outside of coroutine literal
}
