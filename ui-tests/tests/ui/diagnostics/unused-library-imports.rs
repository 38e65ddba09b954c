//@run
// An unused import of an unstable library item that the lowering rewrites to the runtime's
// mirror is nightly's `unused_imports` warning, naming the path as written (it was dropped as
// a warning about generated code).
#![feature(async_iterator, async_iter_from_iter, coroutine_trait, iter_from_coroutine)]

use std::async_iter::AsyncIterator;
use core::ops::Coroutine;
use std::async_iter::{FromIter, IntoAsyncIterator};
use std::ops::{CoroutineState, Coroutine as _};
use std::iter::from_coroutine;
use ::std::async_iter;

fn main() {
    let _: Option<CoroutineState<u8, ()>> = None;
    println!("done");
}
