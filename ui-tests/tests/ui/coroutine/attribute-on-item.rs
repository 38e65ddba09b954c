// `#[coroutine]` on an item in a crate with the `coroutines` gate: only nightly's error that
// the attribute cannot be used there (the gate is declared, so no E0658 besides).
#![feature(coroutines)]

#[coroutine]
//~^ ERROR: `#[coroutine]` attribute cannot be used on structs
struct Pending;

fn main() {
    let _ = Pending;
}
