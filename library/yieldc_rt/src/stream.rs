//! `futures_core::Stream` interop (feature `stream`): async generators are streams, and any
//! stream can be consumed by `for await` as it is: the lowering picks, by method resolution,
//! `IntoAsyncIterator` when it applies and else wraps the stream in [`StreamIter`] (see
//! `for_await.rs`). [`from_stream`] does the wrapping by hand, where an `AsyncIterator` is
//! expected.

use core::pin::Pin;
use core::task::{Context, Poll};

use futures_core::Stream;

use crate::async_gen::AsyncGen;
use crate::async_iter::AsyncIterator;
use crate::machine::Refused;

impl<T, F: core::future::Future<Output = ()>, P: Fn(Refused)> Stream for AsyncGen<T, F, P> {
    type Item = T;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {
        AsyncIterator::poll_next(self, cx)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        AsyncIterator::size_hint(self)
    }
}

/// A `Stream` seen as an [`AsyncIterator`].
#[derive(Debug, Clone)]
#[must_use = "async iterators do nothing unless polled"]
pub struct StreamIter<S> {
    stream: S,
}

/// Wraps a `Stream` so that it can be used where an [`AsyncIterator`] is expected.
pub fn from_stream<S: Stream>(stream: S) -> StreamIter<S> {
    StreamIter { stream }
}

impl<S: Stream> AsyncIterator for StreamIter<S> {
    type Item = S::Item;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<S::Item>> {
        // SAFETY: `stream` is structurally pinned: never moved out of a pinned `StreamIter`.
        unsafe { self.map_unchecked_mut(|this| &mut this.stream) }.poll_next(cx)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.stream.size_hint()
    }
}
