// A coroutine whose bound makes it return (or yield) its own type: rustc's E0271 "cyclic type of
// infinite size", with nightly's note on closures that capture themselves (yieldc's coroutine
// is the runtime's struct, which rustc gives no such note) and the coroutine named in the
// message.
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]

use std::ops::Coroutine;

fn finish_with_self<C: Coroutine<Yield = u8, Return = C>>(_: C) {}

fn main() {
    finish_with_self(#[coroutine] || { //~ ERROR: type mismatch resolving
        yield 7u8;
        Default::default()
    });
}
