// A coroutine whose resume type is not the one a bound asks for: nightly's E0631 "type mismatch
// in coroutine arguments", with the expected and found coroutine signatures, for a coroutine
// passed by name (with nightly's suggestion) and one written in the call.
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]
use std::ops::Coroutine;

fn drive<C: Coroutine<u32>>(_c: C) {}

fn main() {
    let c = #[coroutine] |x: u8| {
        yield x;
    };
    drive(c);
    //~^ ERROR: type mismatch in coroutine arguments
    drive(#[coroutine] static |s: &str| { yield s.len(); });
    //~^ ERROR: type mismatch in coroutine arguments
}
