//! `futures_core::Stream` interop (feature `stream`).
#![cfg(feature = "stream")]

mod common;

use futures_core::Stream;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

/// A hand-written stream counting down.
struct Countdown(u32);

impl Stream for Countdown {
    type Item = u32;
    fn poll_next(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<u32>> {
        if self.0 == 0 {
            Poll::Ready(None)
        } else {
            self.0 -= 1;
            Poll::Ready(Some(self.0))
        }
    }
}

#[test]
fn async_gen_is_a_stream_and_streams_feed_for_await() {
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__async_gen_parts!();
    let g = ::yieldc_rt::AsyncGen::new(__yieldc_key, async move {
        let __yieldc_co = &__yieldc_co.bind().await;
        // `for await x in Countdown(3)`, where the lowering wraps streams with `from_stream`
        let mut iter = std::pin::pin!(yieldc_rt::from_stream(Countdown(3)));
        while let Some(x) = yieldc_rt::async_iter::next(iter.as_mut()).await {
            __yieldc_co.yield_(x * 10).await;
        }
    });
    let mut g = std::pin::pin!(g);
    assert_eq!(Stream::size_hint(&*g), (0, None));
    let mut cx = Context::from_waker(Waker::noop());
    let mut out = Vec::new();
    while let Poll::Ready(Some(x)) = Stream::poll_next(g.as_mut(), &mut cx) {
        out.push(x);
    }
    assert_eq!(out, [20, 10, 0]);
}
