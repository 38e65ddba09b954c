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

/// Both a `Stream` and an `AsyncIterator`, with different items: `for await` must take the
/// `AsyncIterator` (nightly's path).
struct Both;

impl Stream for Both {
    type Item = &'static str;
    fn poll_next(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<&'static str>> {
        Poll::Ready(Some("stream"))
    }
}

impl yieldc_rt::async_iter::AsyncIterator for Both {
    type Item = &'static str;
    fn poll_next(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<&'static str>> {
        Poll::Ready(Some("async iterator"))
    }
}

/// What the lowering emits for `for await` (see `src/for_await.rs`), collecting at most `limit`
/// items.
macro_rules! for_await_collect {
    ($expr:expr, $limit:expr) => {{
        let mut out = Vec::new();
        common::block_on(async {
            match $expr {
                __yieldc_src => match {
                    #[allow(unused_imports)]
                    use ::yieldc_rt::__for_await::{
                        ViaAsyncIterator as _, ViaFallback as _, ViaStream as _,
                    };
                    (&&&::yieldc_rt::__for_await::probe(&__yieldc_src)).__yieldc_for_await_kind()
                }
                .into_async_iter(__yieldc_src)
                {
                    mut __yieldc_iter => {
                        let mut __yieldc_iter = ::core::pin::pin!(__yieldc_iter);
                        loop {
                            let x =
                                match ::yieldc_rt::async_iter::next(__yieldc_iter.as_mut()).await {
                                    Some(item) => item,
                                    None => break,
                                };
                            out.push(x);
                            if out.len() == $limit {
                                break;
                            }
                        }
                    }
                },
            }
        });
        out
    }};
}

#[test]
fn for_await_takes_streams_and_prefers_async_iterators() {
    assert_eq!(for_await_collect!(Countdown(3), 10), [2, 1, 0]);
    let mut countdown = Countdown(2);
    assert_eq!(for_await_collect!(&mut countdown, 10), [1, 0]);
    let boxed: Pin<Box<dyn Stream<Item = u32> + Send>> = Box::pin(Countdown(1));
    assert_eq!(for_await_collect!(boxed, 10), [0]);
    assert_eq!(for_await_collect!(Both, 1), ["async iterator"]);
    assert_eq!(
        for_await_collect!(yieldc_rt::async_iter::from_iter([7u8, 8]), 10),
        [7, 8]
    );
}

/// The probe's temporaries keep the loop's future `Send` even over a `!Sync` stream.
#[test]
fn for_await_over_a_stream_is_send() {
    struct NotSync(#[allow(dead_code)] std::cell::Cell<u32>);
    impl Stream for NotSync {
        type Item = u32;
        fn poll_next(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<u32>> {
            Poll::Ready(None)
        }
    }
    fn assert_send<F: Send>(_: F) {}
    assert_send(async {
        match NotSync(std::cell::Cell::new(0)) {
            __yieldc_src => match {
                #[allow(unused_imports)]
                use ::yieldc_rt::__for_await::{
                    ViaAsyncIterator as _, ViaFallback as _, ViaStream as _,
                };
                (&&&::yieldc_rt::__for_await::probe(&__yieldc_src)).__yieldc_for_await_kind()
            }
            .into_async_iter(__yieldc_src)
            {
                mut __yieldc_iter => {
                    let mut __yieldc_iter = ::core::pin::pin!(__yieldc_iter);
                    while let Some(_) = ::yieldc_rt::async_iter::next(__yieldc_iter.as_mut()).await
                    {
                    }
                }
            },
        }
    });
}
