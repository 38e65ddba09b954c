//! Workload e: async generators drained by a minimal executor (no-op waker, re-poll on
//! `Pending`; see [`crate::sum_async_iter`] and [`crate::sum_stream`]).
//!
//! - `e_async`: workload a as an async generator, `for x in 0..n { if x % 3 != 0 { yield x } }`;
//!   nothing is awaited but the yields.
//! - `e_pending`: `for x in 0..n { if x % 16 == 0 { PendingOnce::new().await } yield x }`: every
//!   16th item first awaits a future that is `Pending` once, so the `Pending` path (a
//!   `poll_next` that returns `Pending` without an item) is exercised too.

use core::future::Future;
use core::pin::{pin, Pin};
use core::task::{Context, Poll};

use yieldc_rt::async_iter::AsyncIterator;

use crate::{sum_async_iter, sum_stream, PendingOnce};

pub const N: u32 = 1_000_000;

/// Items yielded by `e_async` for `n`.
pub fn items(n: u32) -> u64 {
    crate::a_filter::items(n)
}

/// The hand-written async iterator for `e_async`.
pub struct Filter {
    x: u32,
    n: u32,
}

impl AsyncIterator for Filter {
    type Item = u32;

    #[inline]
    fn poll_next(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<u32>> {
        let this = self.get_mut();
        while this.x < this.n {
            let x = this.x;
            this.x += 1;
            if x % 3 != 0 {
                return Poll::Ready(Some(x));
            }
        }
        Poll::Ready(None)
    }
}

#[inline(never)]
pub fn handwritten(n: u32) -> u64 {
    sum_async_iter(Filter { x: 0, n })
}

#[inline(never)]
pub fn yieldc_async_gen(n: u32) -> u64 {
    let g = {
        let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__async_gen_parts!();
        ::yieldc_rt::AsyncGen::new(__yieldc_key, async move {
            let __yieldc_co = &__yieldc_co.bind().await;
            for x in 0..n {
                if x % 3 != 0 {
                    __yieldc_co.yield_(x).await;
                }
            }
        })
    };
    sum_async_iter(g)
}

#[inline(never)]
pub fn async_stream(n: u32) -> u64 {
    sum_stream(async_stream::stream! {
        for x in 0..n {
            if x % 3 != 0 {
                yield x;
            }
        }
    })
}

/// The hand-written async iterator for `e_pending`.
pub struct PendingEvery16 {
    x: u32,
    n: u32,
    waiting: Option<PendingOnce>,
}

impl AsyncIterator for PendingEvery16 {
    type Item = u32;

    #[inline]
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<u32>> {
        let this = self.get_mut();
        if this.x >= this.n {
            return Poll::Ready(None);
        }
        if this.x % 16 == 0 {
            let waiting = this.waiting.get_or_insert_with(PendingOnce::new);
            if pin!(waiting).poll(cx).is_pending() {
                return Poll::Pending;
            }
            this.waiting = None;
        }
        let x = this.x;
        this.x += 1;
        Poll::Ready(Some(x))
    }
}

#[inline(never)]
pub fn pending_handwritten(n: u32) -> u64 {
    sum_async_iter(PendingEvery16 {
        x: 0,
        n,
        waiting: None,
    })
}

#[inline(never)]
pub fn pending_yieldc_async_gen(n: u32) -> u64 {
    let g = {
        let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__async_gen_parts!();
        ::yieldc_rt::AsyncGen::new(__yieldc_key, async move {
            let __yieldc_co = &__yieldc_co.bind().await;
            for x in 0..n {
                if x % 16 == 0 {
                    ::yieldc_rt::__awaited(PendingOnce::new()).await;
                }
                __yieldc_co.yield_(x).await;
            }
        })
    };
    sum_async_iter(g)
}

#[inline(never)]
pub fn pending_async_stream(n: u32) -> u64 {
    sum_stream(async_stream::stream! {
        for x in 0..n {
            if x % 16 == 0 {
                PendingOnce::new().await;
            }
            yield x;
        }
    })
}
