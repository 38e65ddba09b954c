//! Not public API: how `for await` picks the way to consume its expression.
//!
//! Nightly's `for await` takes any `IntoAsyncIterator`. yieldc's also takes any
//! `futures_core::Stream` (feature `stream`), without a wrapper. One blanket impl of
//! `IntoAsyncIterator` for streams would overlap the one for async iterators (coherence), so
//! the choice is made by method resolution in the lowered code instead (autoref
//! specialization, resolved at the loop, where the expression's type is known):
//!
//! ```text
//! for await PAT in EXPR BLOCK   ==>
//! match EXPR { __yieldc_src => match {
//!     #[allow(unused_imports)] use ::yieldc_rt::__for_await::{ViaAsyncIterator as _, ViaStream as _, ViaFallback as _};
//!     (&&&::yieldc_rt::__for_await::probe(&__yieldc_src)).__yieldc_for_await_kind()
//! }.into_async_iter(__yieldc_src) { mut __yieldc_iter => { /* as before */ } } }
//! ```
//!
//! Method lookup tries the receiver `&&&Probe<T>` first, then `&&Probe<T>`, then `&Probe<T>`:
//! 1. `T: IntoAsyncIterator` → [`AsyncIteratorKind`]: exactly nightly's
//!    `IntoAsyncIterator::into_async_iter(EXPR)`; wins whenever it applies, so async
//!    iterators (including async generators, which are streams too) keep nightly's semantics;
//! 2. else `T: Stream` → [`StreamKind`]: `from_stream(EXPR)`;
//! 3. else [`AsyncIteratorKind`] again, whose `T: IntoAsyncIterator` bound then reports
//!    nightly's E0277 ("the trait bound `T: IntoAsyncIterator` is not satisfied") at `EXPR`.
//!
//! Each level only needs the impls of its own form (`&&Probe`, `&Probe`, `Probe`), so the three
//! traits never compete at one step. `Probe` carries no value and no borrow (`fn() -> T`: `Send`,
//! `Sync`, no drop), so the temporaries of the probe change nothing about the loop's future.

use core::marker::PhantomData;

use crate::async_iter::IntoAsyncIterator;

/// The type of a `for await` expression, without its value.
pub struct Probe<T>(PhantomData<fn() -> T>);

/// `Probe` of `value`'s type.
#[inline(always)]
pub fn probe<T>(_value: &T) -> Probe<T> {
    Probe(PhantomData)
}

/// The expression is consumed through `IntoAsyncIterator` (nightly's path).
#[derive(Clone, Copy, Debug)]
pub struct AsyncIteratorKind;

impl AsyncIteratorKind {
    /// `IntoAsyncIterator::into_async_iter(value)`.
    #[inline(always)]
    pub fn into_async_iter<T: IntoAsyncIterator>(self, value: T) -> T::IntoAsyncIter {
        IntoAsyncIterator::into_async_iter(value)
    }
}

/// Level 1: `T: IntoAsyncIterator`.
pub trait ViaAsyncIterator {
    /// Picks [`AsyncIteratorKind`].
    #[inline(always)]
    fn __yieldc_for_await_kind(&self) -> AsyncIteratorKind {
        AsyncIteratorKind
    }
}

impl<T: IntoAsyncIterator> ViaAsyncIterator for &&Probe<T> {}

/// Level 2: `T: futures_core::Stream` (only with the `stream` feature).
pub trait ViaStream {
    /// Picks [`StreamKind`].
    #[inline(always)]
    fn __yieldc_for_await_kind(&self) -> StreamKind {
        StreamKind(())
    }
}

#[cfg(feature = "stream")]
impl<T: futures_core::Stream> ViaStream for &Probe<T> {}

/// Level 3: anything else; reports the missing `IntoAsyncIterator` like nightly.
pub trait ViaFallback {
    /// Picks [`AsyncIteratorKind`].
    #[inline(always)]
    fn __yieldc_for_await_kind(&self) -> AsyncIteratorKind {
        AsyncIteratorKind
    }
}

impl<T> ViaFallback for Probe<T> {}

/// The expression is a `futures_core::Stream` that is not an async iterator.
#[derive(Clone, Copy, Debug)]
pub struct StreamKind(());

#[cfg(feature = "stream")]
impl StreamKind {
    /// `from_stream(value)`.
    #[inline(always)]
    pub fn into_async_iter<S: futures_core::Stream>(self, value: S) -> crate::StreamIter<S> {
        crate::from_stream(value)
    }
}
