//! A stable mirror of `core::async_iter` (`AsyncIterator`, `IntoAsyncIterator`, `from_iter`)
//! with nightly's names and signatures, plus what `for await` lowers to.
//!
//! ```text
//! 'label: for await PAT in EXPR BLOCK   ==>
//! match ::yieldc_rt::async_iter::IntoAsyncIterator::into_async_iter(EXPR) {
//!     mut __yieldc_iter => {
//!         let mut __yieldc_iter = ::core::pin::pin!(__yieldc_iter);
//!         'label: loop {
//!             let PAT = match ::yieldc_rt::async_iter::next(__yieldc_iter.as_mut()).await {
//!                 ::core::option::Option::Some(item) => item,
//!                 ::core::option::Option::None => break,
//!             };
//!             BLOCK
//!         }
//!     }
//! }
//! ```

use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

/// A source of values produced asynchronously (mirror of `core::async_iter::AsyncIterator`).
#[must_use = "async iterators do nothing unless polled"]
pub trait AsyncIterator {
    /// The type of items yielded by the async iterator.
    type Item;

    /// Attempts to pull out the next value of this async iterator.
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>>;

    /// Returns the bounds on the remaining length of the async iterator.
    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, None)
    }
}

impl<S: ?Sized + AsyncIterator + Unpin> AsyncIterator for &mut S {
    type Item = S::Item;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        S::poll_next(Pin::new(&mut **self), cx)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (**self).size_hint()
    }
}

impl<P> AsyncIterator for Pin<P>
where
    P: core::ops::DerefMut,
    P::Target: AsyncIterator,
{
    type Item = <P::Target as AsyncIterator>::Item;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        <P::Target as AsyncIterator>::poll_next(self.as_deref_mut(), cx)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (**self).size_hint()
    }
}

#[cfg(feature = "alloc")]
impl<S: ?Sized + AsyncIterator + Unpin> AsyncIterator for alloc::boxed::Box<S> {
    type Item = S::Item;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        S::poll_next(Pin::new(&mut **self), cx)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (**self).size_hint()
    }
}

/// Conversion into an [`AsyncIterator`] (mirror of `core::async_iter::IntoAsyncIterator`).
pub trait IntoAsyncIterator {
    /// The type of the item yielded by the iterator.
    type Item;
    /// The type of the resulting iterator.
    type IntoAsyncIter: AsyncIterator<Item = Self::Item>;
    /// Converts `self` into an async iterator.
    fn into_async_iter(self) -> Self::IntoAsyncIter;
}

impl<I: AsyncIterator> IntoAsyncIterator for I {
    type Item = I::Item;
    type IntoAsyncIter = I;

    #[inline]
    fn into_async_iter(self) -> Self::IntoAsyncIter {
        self
    }
}

/// An async iterator over the items of a sync iterator (mirror of
/// `core::async_iter::from_iter`): every poll is ready.
pub fn from_iter<I: IntoIterator>(iter: I) -> FromIter<I::IntoIter> {
    FromIter {
        iter: iter.into_iter(),
    }
}

/// The async iterator returned by [`from_iter`].
#[derive(Clone, Debug)]
#[must_use = "async iterators do nothing unless polled"]
pub struct FromIter<I> {
    iter: I,
}

impl<I> Unpin for FromIter<I> {}

impl<I: Iterator> AsyncIterator for FromIter<I> {
    type Item = I::Item;

    fn poll_next(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        Poll::Ready(self.get_mut().iter.next())
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.iter.size_hint()
    }
}

/// The future of one step of a `for await` loop: `poll_next` until an item or the end.
pub fn next<I: ?Sized + AsyncIterator>(iter: Pin<&mut I>) -> Next<'_, I> {
    Next { iter }
}

/// The future returned by [`next`].
#[must_use = "futures do nothing unless awaited"]
pub struct Next<'a, I: ?Sized> {
    iter: Pin<&'a mut I>,
}

impl<I: ?Sized + AsyncIterator> Future for Next<'_, I> {
    type Output = Option<I::Item>;

    #[inline]
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        // In an `async gen` body, the iterator sees the caller's waker (see `async_gen.rs`).
        crate::async_gen::with_caller_context(cx, |cx| self.iter.as_mut().poll_next(cx))
    }
}
