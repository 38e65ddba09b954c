//! Correctness tests; also meant to be run under Miri
//! (`cargo +nightly miri test --lib`, with and without `-Zmiri-tree-borrows`).

use super::async_gen::{AsyncPinGen, AsyncWakerGen, drain_arc, drain_rc, pending_once};
use super::context_ext::ExtGen;
use super::pinned::{BoxedPinGen, PinGen, PinIter};
use super::thread_local::TlGen;
use super::waker_data::WakerGen;
use super::waker_data_checked::CheckedGen;
use core::pin::pin;
use core::task::{Context, Poll, Waker};
use std::future::poll_fn;

const N: u64 = 40;

fn expected_filter() -> Vec<u64> {
    (0..N).filter(|x| x % 3 != 0).collect()
}

#[test]
fn waker_data_filter_and_moves() {
    // SAFETY: `co` is awaited only directly in the body; no borrows across yields.
    let g = unsafe {
        WakerGen::new(|co| async move {
            for x in 0..N {
                if x % 3 != 0 {
                    co.yield_(x).await
                }
            }
        })
    };
    // Move the generator between every call to check the "movable" claim.
    let mut holder = vec![g];
    let mut out = Vec::new();
    loop {
        let mut g = holder.pop().unwrap();
        match g.next() {
            Some(x) => out.push(x),
            None => break,
        }
        let boxed = Box::new(g);
        holder.push(*boxed);
    }
    assert_eq!(out, expected_filter());
}

#[test]
fn thread_local_filter_and_nesting() {
    use super::thread_local::Co;
    let body = |co: Co<u64>| async move {
        for i in 0..3u64 {
            // An inner generator is driven *inside* the outer poll; the
            // published slot must be restored afterwards.
            let inner_body = move |co2: Co<u64>| async move {
                co2.yield_(i * 10).await;
                co2.yield_(i * 10 + 1).await;
            };
            // SAFETY: `co2` is awaited only directly in its own body.
            let inner = unsafe { TlGen::new(inner_body) };
            for v in inner {
                co.yield_(v).await;
            }
        }
    };
    // SAFETY: `co` is awaited only directly in its own body.
    let outer = unsafe { TlGen::new(body) };
    assert_eq!(outer.collect::<Vec<_>>(), vec![0, 1, 10, 11, 20, 21]);
}

#[test]
fn waker_data_nesting() {
    use super::waker_data::Co;
    let body = |co: Co<u64>| async move {
        for i in 0..3u64 {
            let inner_body = move |co2: Co<u64>| async move {
                co2.yield_(i).await;
                co2.yield_(i + 100).await;
            };
            // SAFETY: `co2` is awaited only directly in its own body.
            let inner = unsafe { WakerGen::new(inner_body) };
            for v in inner {
                co.yield_(v).await;
            }
        }
    };
    // SAFETY: `co` is awaited only directly in its own body.
    let outer = unsafe { WakerGen::new(body) };
    assert_eq!(outer.collect::<Vec<_>>(), vec![0, 100, 1, 101, 2, 102]);
}

#[test]
fn waker_data_clone_does_not_escape_stack_pointer() {
    let mut escaped: Option<Waker> = None;
    let esc = &mut escaped as *mut Option<Waker>;
    let body = move |co: super::waker_data::Co<u64>| async move {
        poll_fn(|cx| {
            // SAFETY: `escaped` outlives the generator and is not otherwise
            // accessed while the generator runs.
            unsafe { *esc = Some(cx.waker().clone()) };
            Poll::Ready(())
        })
        .await;
        co.yield_(1u64).await;
    };
    // SAFETY: `co` awaited only directly in the body; the only value held
    // across the yield is the raw pointer `esc`, which points outside.
    let mut g = unsafe { WakerGen::new(body) };
    assert_eq!(g.next(), Some(1));
    assert_eq!(g.next(), None);
    drop(g);
    // `next()`'s stack frame is long gone; the clone must not refer to it.
    let w = escaped.take().unwrap();
    w.wake_by_ref();
    w.wake();
}

/// The panic message of `f`, which must panic (house rule: no `#[should_panic]`).
fn panic_message(f: impl FnOnce()) -> String {
    let payload = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f))
        .expect_err("expected a panic");
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}

#[test]
fn waker_data_rejects_foreign_context() {
    let message = panic_message(waker_data_rejects_foreign_context_inner);
    assert!(message.contains("foreign Context"), "{message}");
}

fn waker_data_rejects_foreign_context_inner() {
    let co = {
        let mut slot_co = None;
        // SAFETY: the handle is (deliberately) smuggled out and misused
        // below; the vtable check must catch that before any write.
        let mut g = unsafe {
            WakerGen::<u64, _>::new(|co| {
                slot_co = Some(co);
                async {}
            })
        };
        let _ = g.next();
        slot_co.unwrap()
    };
    let mut y = pin!(co.yield_(5));
    let _ = y.as_mut().poll(&mut Context::from_waker(Waker::noop()));
}

#[test]
fn pinned_stack_and_boxed() {
    // SAFETY: `co` awaited only directly in the body.
    let g = pin!(unsafe {
        PinGen::new(|co: super::pinned::Co<u64>| async move {
            for x in 0..N {
                if x % 3 != 0 {
                    co.yield_(x).await
                }
            }
        })
    });
    assert_eq!(PinIter(g).collect::<Vec<_>>(), expected_filter());

    let pairs: Vec<u64> = (0..5u64)
        .flat_map(|i| {
            // SAFETY: as above.
            BoxedPinGen(Box::pin(unsafe {
                PinGen::new(move |co: super::pinned::Co<u64>| async move {
                    co.yield_(2 * i).await;
                    co.yield_(2 * i + 1).await;
                })
            }))
        })
        .collect();
    assert_eq!(pairs, (0..10).collect::<Vec<_>>());
}

#[test]
fn pinned_allows_borrows_across_yields() {
    // SAFETY: `co` awaited only directly in the body. Borrows across yields
    // are fine here because the generator really is pinned.
    let g = pin!(unsafe {
        PinGen::new(|co: super::pinned::Co<u64>| async move {
            let v = [7u64, 8, 9];
            for x in &v {
                co.yield_(*x).await
            }
        })
    });
    assert_eq!(PinIter(g).collect::<Vec<_>>(), vec![7, 8, 9]);
}

#[test]
fn context_ext_filter_moves_and_nesting() {
    // SAFETY: no borrows across yields.
    let g = unsafe {
        ExtGen::new(|co| async move {
            for x in 0..N {
                if x % 3 != 0 {
                    co.yield_(x).await
                }
            }
        })
    };
    let mut g = Some(g);
    let mut out = Vec::new();
    while let Some(x) = g.as_mut().unwrap().next() {
        out.push(x);
        g = Some(g.take().unwrap()); // move
    }
    assert_eq!(out, expected_filter());

    use super::context_ext::Co;
    let body = |co: Co<u64>| async move {
        for i in 0..2u64 {
            let inner_body = move |c2: Co<u64>| async move { c2.yield_(i).await };
            // SAFETY: no borrows across yields.
            let inner = unsafe { ExtGen::new(inner_body) };
            for v in inner {
                co.yield_(v).await;
            }
        }
    };
    // SAFETY: no borrows across yields.
    let outer = unsafe { ExtGen::new(body) };
    assert_eq!(outer.collect::<Vec<_>>(), vec![0, 1]);
}

fn expected_async(n: u64) -> u64 {
    (0..n).sum()
}

macro_rules! async_pin_gen {
    ($n:expr, $period:expr, $local:literal) => {{
        let (n, period) = ($n, $period);
        // SAFETY: `co` awaited only directly in the body.
        unsafe {
            AsyncPinGen::new(move |co: super::pinned::Co<u64>| async move {
                // Countdown rather than `i % period`: a 64-bit division per item
                // would cost more than the hand-off being measured.
                let mut countdown = period;
                for i in 0..n {
                    countdown -= 1;
                    if countdown == 0 {
                        countdown = period;
                        pending_once::<$local>().await;
                    }
                    co.yield_(i).await;
                }
            })
        }
    }};
}

#[test]
fn async_executors() {
    for period in [1u64, 16, u64::MAX] {
        assert_eq!(
            drain_arc(pin!(async_pin_gen!(N, period, false))),
            expected_async(N)
        );
        assert_eq!(
            drain_rc(pin!(async_pin_gen!(N, period, true))),
            expected_async(N)
        );
    }
}

#[test]
fn async_forwarding_waker() {
    // SAFETY: `co` awaited only directly in the body.
    let g = pin!(unsafe {
        AsyncWakerGen::<u64, _, false>::new(|co| async move {
            for i in 0..N {
                if i % 4 == 3 {
                    pending_once::<false>().await;
                }
                co.yield_(i).await;
            }
        })
    });
    assert_eq!(drain_arc(g), expected_async(N));
    // SAFETY: as above.
    let g = pin!(unsafe {
        AsyncWakerGen::<u64, _, true>::new(|co| async move {
            for i in 0..N {
                if i % 4 == 3 {
                    pending_once::<true>().await;
                }
                co.yield_(i).await;
            }
        })
    });
    assert_eq!(drain_rc(g), expected_async(N));
}

#[test]
fn waker_data_checked_filter_moves_and_misuse() {
    use super::waker_data_checked::Co;
    let body = |co: Co<u64>| async move {
        for x in 0..N {
            if x % 3 != 0 {
                co.yield_(x).await
            }
        }
    };
    // SAFETY: no borrows across yields.
    let g = unsafe { CheckedGen::new(body) };
    let mut g = Some(g);
    let mut out = Vec::new();
    while let Some(x) = g.as_mut().unwrap().next() {
        out.push(x);
        g = Some(g.take().unwrap()); // move
    }
    assert_eq!(out, expected_filter());

    // A handle of a `u64` generator smuggled into a `u32` generator's body.
    let mut smuggled = None;
    // SAFETY: no borrows across yields (the body is empty).
    let mut outer = unsafe {
        CheckedGen::<u64, _>::new(|co| {
            smuggled = Some(co);
            async {}
        })
    };
    assert_eq!(outer.next(), None);
    let co = smuggled.unwrap();
    let wrong = move |_: Co<u32>| async move { co.yield_(7u64).await };
    // SAFETY: no borrows across yields.
    let mut inner = unsafe { CheckedGen::<u32, _>::new(wrong) };
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| inner.next()));
    assert!(r.is_err(), "type mismatch must be caught");
}

/// A waker-wrapping generator that rebuilds its `Context` the only way stable
/// Rust can (`Context::from_waker`) silently replaces the executor's
/// `LocalWaker` with the wrapper, whose wakes go to the executor's `Waker`:
/// under a local executor that is a no-op, and the wake-up is lost.
#[test]
fn stable_style_wrapper_loses_local_waker() {
    let message = panic_message(stable_style_wrapper_loses_local_waker_inner);
    assert!(message.contains("lost wakeup"), "{message}");
}

fn stable_style_wrapper_loses_local_waker_inner() {
    // SAFETY: `co` awaited only directly in the body.
    let g = pin!(unsafe {
        AsyncWakerGen::<u64, _, false>::new(|co| async move {
            pending_once::<true>().await;
            co.yield_(1).await;
        })
    });
    drain_rc(g);
}
