// A coroutine whose resume type is not the one a bound asks for. The type is named as nightly
// names it, with no note about a long-type file (the runtime's full type made rustc write one).
// FIXME(yieldc): nightly reports E0631 "type mismatch in coroutine arguments" (expected/found
// coroutine signatures); yieldc reports stable's E0277 for the mirrored trait.
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]
use std::ops::Coroutine;

fn drive<C: Coroutine<u32>>(_c: C) {}

fn main() {
    let c = #[coroutine] |x: u8| {
        yield x;
    };
    drive(c);
    //~^ ERROR: the trait bound
}
