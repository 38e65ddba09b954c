// `yield` in a plain closure without any gate: E0658 and the codeless error, no E0627 (the
// closure is a coroutine on nightly).
fn main() {
    let _step = || {
        yield 1;
        //~^ ERROR: yield syntax is experimental
        //~| ERROR: `yield` can only be used in `#[coroutine]` closures, or `gen` blocks
    };
}
