//! Misuse of yield handles that user code could reach through macros (nightly rejects these
//! programs; the lowering cannot always see through a macro). Every case panics with a clear
//! message and never reaches undefined behaviour (these tests also run under Miri).

mod common;

use common::{block_on, panic_message};
use std::future::{poll_fn, Future};
use std::pin::{pin, Pin};
use std::task::{Context, Poll, Waker};
use yieldc_rt::async_iter::AsyncIterator;

fn poll_once<F: Future>(fut: F) -> Poll<F::Output> {
    let mut cx = Context::from_waker(Waker::noop());
    pin!(fut).poll(&mut cx)
}

#[test]
fn yield_polled_by_a_foreign_executor_panics() {
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__gen_parts!();
    let mut g = ::yieldc_rt::Gen::new(__yieldc_key, async move {
        let __yieldc_co = __yieldc_co;
        // e.g. a macro that wraps its argument in `async { .. }` and blocks on it
        let _ = poll_once(async { __yieldc_co.yield_(1).await });
    });
    let message = panic_message(|| g.next());
    assert!(
        message.starts_with("`yield` was polled outside the resumption"),
        "{message}"
    );
    assert_eq!(
        panic_message(|| g.next()),
        "`gen fn` should just keep returning `None` after panicking"
    );
}

#[test]
fn yield_polled_on_another_thread_with_the_generators_waker_panics() {
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__gen_parts!();
    let mut g = ::yieldc_rt::Gen::new(__yieldc_key, async move {
        let __yieldc_co = __yieldc_co;
        let waker: Waker = poll_fn(|cx| Poll::Ready(cx.waker().clone())).await;
        // The clone is a no-op waker: it does not carry the slot pointer.
        waker.wake_by_ref();
        poll_fn(|cx| {
            let waker = cx.waker();
            let fut = __yieldc_co.yield_(7);
            let message = std::thread::scope(|s| {
                s.spawn(move || {
                    let mut other = Context::from_waker(waker);
                    let mut fut = pin!(fut);
                    panic_message(|| fut.as_mut().poll(&mut other))
                })
                .join()
                .unwrap()
            });
            assert!(
                message.starts_with("`yield` was polled outside"),
                "{message}"
            );
            Poll::Ready(())
        })
        .await;
        __yieldc_co.yield_(8).await;
    });
    assert_eq!(g.next(), Some(8));
    assert_eq!(g.next(), None);
}

#[test]
fn yield_moved_into_another_generator_panics() {
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__gen_parts!();
    let mut outer = ::yieldc_rt::Gen::new(__yieldc_key, async move {
        let __yieldc_co: yieldc_rt::GenCo<u32> = __yieldc_co;
        let outer_co = __yieldc_co;
        let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__gen_parts!();
        let mut inner = ::yieldc_rt::Gen::new(__yieldc_key, async move {
            let __yieldc_co = __yieldc_co;
            // a `yield` of the outer generator smuggled into the inner one
            outer_co.yield_(5).await;
            __yieldc_co.yield_(String::from("inner")).await;
        });
        let _ = inner.next();
    });
    assert_eq!(
        panic_message(|| outer.next()),
        "`yield` reached a generator other than the one whose body contains it"
    );
}

#[test]
fn awaiting_a_pending_future_in_a_sync_generator_panics() {
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__gen_parts!();
    let mut g = ::yieldc_rt::Gen::new(__yieldc_key, async move {
        let __yieldc_co = __yieldc_co;
        common::yield_now(()).await;
        __yieldc_co.yield_(1).await;
    });
    let message = panic_message(|| g.next());
    assert!(
        message.contains("`.await` is not allowed in `gen` blocks"),
        "{message}"
    );
}

#[test]
fn two_yields_in_one_resumption_panic() {
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__gen_parts!();
    let mut g = ::yieldc_rt::Gen::new(__yieldc_key, async move {
        let __yieldc_co = __yieldc_co;
        let mut a = pin!(__yieldc_co.yield_(1));
        let mut b = pin!(__yieldc_co.yield_(2));
        // e.g. `join!(yield 1, yield 2)` through a macro
        poll_fn(|cx| {
            let _ = a.as_mut().poll(cx);
            let _ = b.as_mut().poll(cx);
            Poll::<()>::Pending
        })
        .await;
    });
    assert_eq!(
        panic_message(|| g.next()),
        "two `yield`s were polled in one resumption of a generator"
    );
}

#[test]
fn async_yield_polled_in_another_task_panics() {
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__async_gen_parts!();
    let g = ::yieldc_rt::AsyncGen::new(__yieldc_key, async move {
        let __yieldc_co = &__yieldc_co.bind().await;
        let message = panic_message(|| poll_once(__yieldc_co.yield_(1)));
        assert!(
            message.starts_with("`yield` was polled outside the `poll_next`"),
            "{message}"
        );
        let fut = __yieldc_co.yield_(2);
        let message = std::thread::scope(|s| {
            s.spawn(move || panic_message(|| block_on(fut)))
                .join()
                .unwrap()
        });
        assert!(
            message.starts_with("`yield` was polled outside the `poll_next`"),
            "{message}"
        );
        __yieldc_co.yield_(3).await;
    });
    assert_eq!(common::drain(g), [3]);
}

#[test]
fn async_yield_polled_with_a_rebuilt_or_foreign_context_panics() {
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__async_gen_parts!();
    let g = ::yieldc_rt::AsyncGen::new(__yieldc_key, async move {
        let __yieldc_co = &__yieldc_co.bind().await;
        // A `Context` rebuilt on the generator's own frame waker (as a combinator would).
        let mut fut = __yieldc_co.yield_(1);
        let message = core::future::poll_fn(|cx| {
            let mut rebuilt = Context::from_waker(cx.waker());
            Poll::Ready(panic_message(|| Pin::new(&mut fut).poll(&mut rebuilt)))
        })
        .await;
        assert!(
            message.starts_with("`yield` was polled outside the `poll_next`"),
            "{message}"
        );
        // A `yield` of a generator of `u32`s polled directly by a generator of `&str`s.
        let foreign = __yieldc_co.yield_(2);
        let (__yieldc_key, __yieldc_co_str) = ::yieldc_rt::__async_gen_parts!();
        let other = ::yieldc_rt::AsyncGen::new(__yieldc_key, async move {
            let __yieldc_co = &__yieldc_co_str.bind().await;
            foreign.await;
            __yieldc_co.yield_("never").await;
        });
        let mut other = core::pin::pin!(other);
        let message =
            core::future::poll_fn(|cx| Poll::Ready(panic_message(|| other.as_mut().poll_next(cx))))
                .await;
        assert!(
            message.starts_with("`yield` was polled outside the `poll_next`"),
            "{message}"
        );
        __yieldc_co.yield_(3).await;
    });
    assert_eq!(common::drain(g), [3]);
}

#[test]
fn async_gen_panics_if_polled_again_after_misuse() {
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__async_gen_parts!();
    let g = ::yieldc_rt::AsyncGen::new(__yieldc_key, async move {
        let __yieldc_co = &__yieldc_co.bind().await;
        let _ = poll_once(__yieldc_co.yield_(1));
    });
    let mut g = pin!(g);
    let mut cx = Context::from_waker(Waker::noop());
    let message = panic_message(|| g.as_mut().poll_next(&mut cx));
    assert!(
        message.starts_with("`yield` was polled outside"),
        "{message}"
    );
    assert_eq!(
        panic_message(|| g.as_mut().poll_next(&mut cx)),
        "`async gen fn` resumed after panicking"
    );
}
