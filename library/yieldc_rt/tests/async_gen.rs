//! Async generators and `for await`, written as the lowering emits them.

mod common;

use common::{block_on, drain, log, noisy, panic_message, taken, yield_now};
use std::pin::pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use yieldc_rt::async_iter::{self, AsyncIterator, IntoAsyncIterator};

/// `async gen fn ticks(n: u32) -> u32 { for i in 0..n { yield yield_now(i).await; } }`
fn ticks(n: u32) -> impl AsyncIterator<Item = u32> {
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__async_gen_parts!();
    ::yieldc_rt::AsyncGen::new(__yieldc_key, async move {
        let __yieldc_co = &__yieldc_co.bind().await;
        for i in 0..n {
            __yieldc_co.yield_(yield_now(i).await).await;
        }
    })
}

#[test]
fn yields_values_across_awaits_and_is_fused() {
    assert_eq!(drain(ticks(4)), [0, 1, 2, 3]);
    let mut g = pin!(ticks(1));
    let waker = Waker::noop();
    let mut cx = Context::from_waker(waker);
    assert_eq!(g.as_mut().poll_next(&mut cx), Poll::Pending);
    assert_eq!(g.as_mut().poll_next(&mut cx), Poll::Ready(Some(0)));
    assert_eq!(g.as_mut().poll_next(&mut cx), Poll::Ready(None));
    assert_eq!(g.as_mut().poll_next(&mut cx), Poll::Ready(None));
    assert_eq!(g.size_hint(), (0, None));
}

/// Drives `g` with a counting waker registered as the executor's; returns what the
/// [`common::YieldNow`] futures in it saw, and the waker.
fn poll_twice_recording(
    g: impl AsyncIterator<Item = u32>,
    seen: &Arc<Mutex<Vec<common::SeenWaker>>>,
) -> (Vec<Poll<Option<u32>>>, Arc<common::CountingWaker>, Waker) {
    let (counter, waker) = common::counting_waker();
    common::EXECUTOR_WAKER.with(|w| *w.borrow_mut() = Some(waker.clone()));
    let mut cx = Context::from_waker(&waker);
    let mut g = pin!(g);
    let polls = vec![g.as_mut().poll_next(&mut cx), g.as_mut().poll_next(&mut cx)];
    assert_eq!(seen.lock().unwrap().len(), 2);
    (polls, counter, waker)
}

#[test]
fn user_futures_see_the_callers_real_waker() {
    // `let v = fut.await;` in an `async gen` body lowers to `__awaited(fut).await`.
    let seen = Arc::new(Mutex::new(Vec::new()));
    let s = seen.clone();
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__async_gen_parts!();
    let g = ::yieldc_rt::AsyncGen::new(__yieldc_key, async move {
        let __yieldc_co = &__yieldc_co.bind().await;
        let mut fut = yield_now(1);
        fut.seen = Some(s);
        let v = ::yieldc_rt::__awaited(fut).await;
        __yieldc_co.yield_(v).await;
    });
    let (polls, counter, waker) = poll_twice_recording(g, &seen);
    assert_eq!(polls, [Poll::Pending, Poll::Ready(Some(1))]);
    assert_eq!(counter.wakes.load(std::sync::atomic::Ordering::SeqCst), 1);
    for w in seen.lock().unwrap().iter() {
        // The executor's own `Arc`, not a wrapper, by reference and cloned.
        assert_eq!(
            w.data,
            waker.data() as usize,
            "the body must see the executor's own waker"
        );
        assert_eq!(w.clone.data(), waker.data());
        // Miri gives each use of a vtable constant its own address, so `will_wake` (which
        // also compares vtables) is only meaningful natively.
        #[cfg(not(miri))]
        assert!(
            w.will_wake_executor,
            "`will_wake` must hold for the executor's waker"
        );
    }
}

#[test]
fn futures_polled_with_the_frame_context_still_wake_the_caller() {
    // An `.await` the lowering cannot see (inside a macro's expansion) polls with the frame
    // context: its waker forwards wake-ups, and clones into, the executor's waker.
    let seen = Arc::new(Mutex::new(Vec::new()));
    let s = seen.clone();
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__async_gen_parts!();
    let g = ::yieldc_rt::AsyncGen::new(__yieldc_key, async move {
        let __yieldc_co = &__yieldc_co.bind().await;
        let mut fut = yield_now(1);
        fut.seen = Some(s);
        let v = fut.await;
        __yieldc_co.yield_(v).await;
    });
    let (polls, counter, waker) = poll_twice_recording(g, &seen);
    assert_eq!(polls, [Poll::Pending, Poll::Ready(Some(1))]);
    assert_eq!(
        counter.wakes.load(std::sync::atomic::Ordering::SeqCst),
        1,
        "`wake_by_ref` must reach the executor's waker"
    );
    for w in seen.lock().unwrap().iter() {
        assert_ne!(w.data, waker.data() as usize);
        assert!(!w.will_wake_executor);
        assert_eq!(
            w.clone.data(),
            waker.data(),
            "a clone must be the executor's waker"
        );
        #[cfg(not(miri))]
        assert!(w.clone.will_wake(&waker));
    }
    // A clone outlives the poll and wakes the task.
    let clone = seen.lock().unwrap().pop().unwrap().clone;
    clone.wake();
    assert_eq!(counter.wakes.load(std::sync::atomic::Ordering::SeqCst), 2);
}

/// An outer `async gen` that re-yields an inner one's items, pulling them through `for await`
/// (`async_iter::next`, which swaps the frame context for the caller's), or through an `.await`
/// the lowering cannot see (the inner `poll_next` then gets the outer frame context and
/// unwraps it itself).
fn nested(
    through_next: bool,
    seen: Arc<Mutex<Vec<common::SeenWaker>>>,
) -> impl AsyncIterator<Item = u32> {
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__async_gen_parts!();
    ::yieldc_rt::AsyncGen::new(__yieldc_key, async move {
        let __yieldc_co = &__yieldc_co.bind().await;
        let (__yieldc_key, __yieldc_co_inner) = ::yieldc_rt::__async_gen_parts!();
        let inner = ::yieldc_rt::AsyncGen::new(__yieldc_key, async move {
            let __yieldc_co = &__yieldc_co_inner.bind().await;
            let mut fut = yield_now(1);
            fut.seen = Some(seen);
            let v = ::yieldc_rt::__awaited(fut).await;
            __yieldc_co.yield_(v).await;
        });
        let mut inner = pin!(inner);
        loop {
            let next = if through_next {
                async_iter::next(inner.as_mut()).await
            } else {
                std::future::poll_fn(|cx| inner.as_mut().poll_next(cx)).await
            };
            let Some(v) = next else { break };
            __yieldc_co.yield_(v).await;
        }
    })
}

#[test]
fn nested_async_gens_see_the_callers_real_waker() {
    for through_next in [true, false] {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let (polls, _, waker) = poll_twice_recording(nested(through_next, seen.clone()), &seen);
        assert_eq!(polls, [Poll::Pending, Poll::Ready(Some(1))]);
        for w in seen.lock().unwrap().iter() {
            assert_eq!(
                w.data,
                waker.data() as usize,
                "through_next: {through_next}"
            );
            #[cfg(not(miri))]
            assert!(w.will_wake_executor, "through_next: {through_next}");
        }
    }
}

#[test]
fn self_borrows_across_yield_and_await_are_allowed() {
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__async_gen_parts!();
    let g = ::yieldc_rt::AsyncGen::new(__yieldc_key, async move {
        let __yieldc_co = &__yieldc_co.bind().await;
        let words = vec![String::from("a"), String::from("bb")];
        for w in &words {
            yield_now(()).await;
            __yieldc_co.yield_(w.as_str().len()).await;
        }
    });
    assert_eq!(drain(g), [1, 2]);
}

#[test]
fn panic_then_poll_panics_with_nightly_message() {
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__async_gen_parts!();
    let g = ::yieldc_rt::AsyncGen::new(__yieldc_key, async move {
        let __yieldc_co = &__yieldc_co.bind().await;
        __yieldc_co.yield_(1).await;
        panic!("inner");
    });
    let mut g = pin!(g);
    let mut cx = Context::from_waker(Waker::noop());
    assert_eq!(g.as_mut().poll_next(&mut cx), Poll::Ready(Some(1)));
    assert_eq!(panic_message(|| g.as_mut().poll_next(&mut cx)), "inner");
    assert_eq!(
        panic_message(|| g.as_mut().poll_next(&mut cx)),
        "`async gen fn` resumed after panicking"
    );
}

#[test]
fn dropping_midway_runs_destructors() {
    let log = log();
    let l = log.clone();
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__async_gen_parts!();
    let g = ::yieldc_rt::AsyncGen::new(__yieldc_key, async move {
        let __yieldc_co = &__yieldc_co.bind().await;
        let _guard = noisy("guard", &l);
        for i in 0.. {
            __yieldc_co.yield_(i).await;
        }
    });
    {
        let mut g = Box::pin(g);
        let mut cx = Context::from_waker(Waker::noop());
        assert_eq!(g.as_mut().poll_next(&mut cx), Poll::Ready(Some(0)));
        assert_eq!(g.as_mut().poll_next(&mut cx), Poll::Ready(Some(1)));
        assert!(taken(&log).is_empty());
    }
    assert_eq!(taken(&log), ["guard"]);
}

#[test]
fn for_await_over_async_gen_and_from_iter() {
    // async fn sum() -> u32 { let mut t = 0; 'outer: for await x in ticks(10) { if x == 7 { break 'outer; } if x % 2 == 0 { continue; } t += x; } t }
    let sum = async {
        let mut t = 0;
        match IntoAsyncIterator::into_async_iter(ticks(10)) {
            mut __yieldc_iter => {
                let mut __yieldc_iter = pin!(__yieldc_iter);
                'outer: loop {
                    let x = match async_iter::next(__yieldc_iter.as_mut()).await {
                        Some(item) => item,
                        None => break,
                    };
                    if x == 7 {
                        break 'outer;
                    }
                    if x % 2 == 0 {
                        continue;
                    }
                    t += x;
                }
            }
        }
        t
    };
    assert_eq!(block_on(sum), 1 + 3 + 5);
    let from_iter = async_iter::from_iter(vec!['x', 'y']);
    assert_eq!(from_iter.size_hint(), (2, Some(2)));
    assert_eq!(drain(from_iter), ['x', 'y']);
}

#[test]
fn async_gen_reyields_from_for_await() {
    // async gen { for await x in ticks(3) { yield x * 2 } }
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__async_gen_parts!();
    let g = ::yieldc_rt::AsyncGen::new(__yieldc_key, async move {
        let __yieldc_co = &__yieldc_co.bind().await;
        match IntoAsyncIterator::into_async_iter(ticks(3)) {
            mut __yieldc_iter => {
                let mut __yieldc_iter = pin!(__yieldc_iter);
                loop {
                    let x = match async_iter::next(__yieldc_iter.as_mut()).await {
                        Some(item) => item,
                        None => break,
                    };
                    __yieldc_co.yield_(x * 2).await;
                }
            }
        }
    });
    assert_eq!(drain(g), [0, 2, 4]);
}

#[test]
fn nested_async_gens_keep_their_own_slots() {
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__async_gen_parts!();
    let outer = ::yieldc_rt::AsyncGen::new(__yieldc_key, async move {
        let __yieldc_co = &__yieldc_co.bind().await;
        let (__yieldc_key, __yieldc_co_inner) = ::yieldc_rt::__async_gen_parts!();
        let inner = ::yieldc_rt::AsyncGen::new(__yieldc_key, async move {
            let __yieldc_co = &__yieldc_co_inner.bind().await;
            __yieldc_co.yield_("inner").await;
        });
        let mut inner = pin!(inner);
        while let Some(s) = async_iter::next(inner.as_mut()).await {
            __yieldc_co.yield_(s.len()).await;
        }
        __yieldc_co.yield_(0).await;
    });
    assert_eq!(drain(outer), [5, 0]);
}

#[test]
fn boxed_and_reference_impls() {
    let mut boxed: Box<dyn AsyncIterator<Item = u32> + Unpin> =
        Box::new(async_iter::from_iter([1, 2]));
    let mut cx = Context::from_waker(Waker::noop());
    assert_eq!(
        std::pin::Pin::new(&mut boxed).poll_next(&mut cx),
        Poll::Ready(Some(1))
    );
    let mut by_ref = &mut boxed;
    assert_eq!(
        std::pin::Pin::new(&mut by_ref).poll_next(&mut cx),
        Poll::Ready(Some(2))
    );
    let pinned = Box::pin(ticks(1));
    assert_eq!(drain(pinned), [0]);
}

#[test]
fn drop_before_first_poll_drops_captures() {
    let log = log();
    let captured = noisy("capture", &log);
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__async_gen_parts!();
    let g = ::yieldc_rt::AsyncGen::new(__yieldc_key, async move {
        let __yieldc_co = &__yieldc_co.bind().await;
        let _c = &captured;
        __yieldc_co.yield_(1).await;
    });
    drop(g);
    assert_eq!(taken(&log), ["capture"]);
}
