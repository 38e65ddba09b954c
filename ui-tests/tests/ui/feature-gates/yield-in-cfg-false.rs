//@run
// A bare `yield` outside any coroutine in code `#[cfg(false)]` leaves out: with the gate, nightly
// strips that code before looking at the `yield`, so the crate compiles.
#![feature(coroutines)]

#[cfg(false)]
fn never_compiled() -> u32 {
    let resumed = yield 1;
    yield;
    resumed
}

fn main() {
    #[cfg(false)]
    {
        yield 2;
    }
    println!("compiled");
}
