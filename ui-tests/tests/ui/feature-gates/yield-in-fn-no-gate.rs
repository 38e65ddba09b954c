// `yield` in a plain function without any gate.
fn main() {
    yield 1;
    //~^ ERROR: yield syntax is experimental
    //~| ERROR: `yield` can only be used in `#[coroutine]` closures, or `gen` blocks
    //~| ERROR: yield expression outside of coroutine literal
}
