//! Workloads for measuring `yieldc_rt` against hand-written iterators, genawaiter and
//! async-stream. See `design-notes/runtime-perf.md` for the results and how to run them.
//!
//! Every variant of every workload is one `#[inline(never)]` function returning a checksum, so
//! the criterion bench (`benches/runtime.rs`), the instruction counter (`src/bin/instr.rs`),
//! the agreement test and the allocation check all run exactly the same machine code.
//!
//! The yieldc variants are written exactly as the lowering emits them (see the module docs of
//! `yieldc_rt`'s `gen.rs` and `async_gen.rs`): `__gen_parts!()` / `__async_gen_parts!()` and
//! `Gen::new` / `BoxedGen::new` / `AsyncGen::new` around an `async move` body whose `yield e`
//! became `__yieldc_co.yield_(e).await`.

use core::future::Future;
use core::pin::{pin, Pin};
use core::task::{Context, Poll, Waker};
use std::hint::black_box;

pub mod a_filter;
pub mod b_nested;
pub mod c_flat_map;
pub mod d_tree;
pub mod e_async;

/// The consumer shared by every sync variant: a wrapping sum of the items.
#[inline(always)]
pub fn sum<I: Iterator<Item = u32>>(iter: I) -> u64 {
    let mut acc = 0u64;
    for x in iter {
        acc = acc.wrapping_add(x as u64);
    }
    acc
}

/// The minimal executor for `futures_core::Stream`s (async-stream): a no-op waker, and on
/// `Pending` simply poll again (every future in these workloads wakes itself at once).
#[inline(always)]
pub fn sum_stream<S: futures_core::Stream<Item = u32>>(stream: S) -> u64 {
    let mut stream = pin!(stream);
    let mut cx = Context::from_waker(Waker::noop());
    let mut acc = 0u64;
    loop {
        match stream.as_mut().poll_next(&mut cx) {
            Poll::Ready(Some(x)) => acc = acc.wrapping_add(x as u64),
            Poll::Ready(None) => return acc,
            Poll::Pending => {}
        }
    }
}

/// The same executor for `yieldc_rt::async_iter::AsyncIterator`s.
#[inline(always)]
pub fn sum_async_iter<S: yieldc_rt::async_iter::AsyncIterator<Item = u32>>(iter: S) -> u64 {
    let mut iter = pin!(iter);
    let mut cx = Context::from_waker(Waker::noop());
    let mut acc = 0u64;
    loop {
        match iter.as_mut().poll_next(&mut cx) {
            Poll::Ready(Some(x)) => acc = acc.wrapping_add(x as u64),
            Poll::Ready(None) => return acc,
            Poll::Pending => {}
        }
    }
}

/// `.await`ing a `Stream`'s next item without `futures-util` (for async-stream recursion).
#[inline(always)]
pub fn next_item<S: futures_core::Stream + ?Sized>(
    mut stream: Pin<&mut S>,
) -> impl Future<Output = Option<S::Item>> + '_ {
    core::future::poll_fn(move |cx| stream.as_mut().poll_next(cx))
}

/// A future that is `Pending` on its first poll (waking its task at once) and ready on the
/// second: a stand-in for real I/O in the async workload.
pub struct PendingOnce {
    polled: bool,
}

impl PendingOnce {
    #[inline(always)]
    pub fn new() -> Self {
        PendingOnce { polled: false }
    }
}

impl Default for PendingOnce {
    fn default() -> Self {
        Self::new()
    }
}

impl Future for PendingOnce {
    type Output = ();

    #[inline(always)]
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.polled {
            Poll::Ready(())
        } else {
            self.polled = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

/// One variant of one workload.
pub struct Case {
    /// Workload group, e.g. `a_filter`.
    pub group: &'static str,
    /// Variant, e.g. `handwritten`, `yieldc_gen`.
    pub variant: &'static str,
    /// Items produced by one run (per-item cost = time / items).
    pub items: u64,
    /// Generators created by one run (for workload c: per-creation cost = time / gens).
    pub gens: u64,
    /// One run; returns a checksum that every variant of the group agrees on.
    pub run: fn() -> u64,
}

macro_rules! case {
    ($group:ident, $variant:ident, $items:expr, $gens:expr, $arg:expr) => {
        Case {
            group: stringify!($group),
            variant: stringify!($variant),
            items: $items,
            gens: $gens,
            run: || $group::$variant(black_box($arg)),
        }
    };
}

/// Every stable variant of every workload, in table order.
pub fn cases() -> Vec<Case> {
    use a_filter::N as AN;
    use b_nested::{A as BA, B as BB};
    use c_flat_map::N as CN;
    use e_async::N as EN;
    let a_items = a_filter::items(AN);
    let b_items = BA as u64 * BB as u64;
    let c_items = 2 * CN as u64;
    let d_items = d_tree::NODES;
    let e_items = e_async::items(EN);
    let ep_items = EN as u64;
    vec![
        case!(a_filter, handwritten, a_items, 1, AN),
        case!(a_filter, std_adapters, a_items, 1, AN),
        case!(a_filter, yieldc_gen, a_items, 1, AN),
        case!(a_filter, yieldc_boxed, a_items, 1, AN),
        case!(a_filter, genawaiter_stack, a_items, 1, AN),
        case!(a_filter, genawaiter_rc, a_items, 1, AN),
        case!(a_filter, async_stream, a_items, 1, AN),
        case!(b_nested, handwritten, b_items, 1, (BA, BB)),
        case!(b_nested, std_adapters, b_items, 1, (BA, BB)),
        case!(b_nested, yieldc_gen, b_items, 1, (BA, BB)),
        case!(b_nested, yieldc_boxed, b_items, 1, (BA, BB)),
        case!(b_nested, genawaiter_stack, b_items, 1, (BA, BB)),
        case!(b_nested, genawaiter_rc, b_items, 1, (BA, BB)),
        case!(b_nested, async_stream, b_items, 1, (BA, BB)),
        case!(c_flat_map, handwritten, c_items, CN as u64, CN),
        case!(c_flat_map, yieldc_gen, c_items, CN as u64, CN),
        case!(c_flat_map, yieldc_boxed, c_items, CN as u64, CN),
        case!(c_flat_map, genawaiter_rc, c_items, CN as u64, CN),
        case!(c_flat_map, handwritten_loop, c_items, CN as u64, CN),
        case!(c_flat_map, yieldc_gen_loop, c_items, CN as u64, CN),
        case!(c_flat_map, genawaiter_stack_loop, c_items, CN as u64, CN),
        case!(c_flat_map, async_stream_loop, c_items, CN as u64, CN),
        case!(c_create, handwritten, 0, CN as u64, CN),
        case!(c_create, yieldc_gen, 0, CN as u64, CN),
        case!(c_create, yieldc_boxed, 0, CN as u64, CN),
        case!(c_create, genawaiter_rc, 0, CN as u64, CN),
        case!(c_create, async_stream, 0, CN as u64, CN),
        case!(d_tree, handwritten, d_items, d_tree::NODES, d_tree::tree()),
        case!(
            d_tree,
            handwritten_boxed,
            d_items,
            d_tree::NODES,
            d_tree::tree()
        ),
        case!(d_tree, yieldc_gen, d_items, d_tree::NODES, d_tree::tree()),
        case!(d_tree, yieldc_boxed, d_items, d_tree::NODES, d_tree::tree()),
        case!(
            d_tree,
            genawaiter_rc,
            d_items,
            d_tree::NODES,
            d_tree::tree()
        ),
        case!(d_tree, async_stream, d_items, d_tree::NODES, d_tree::tree()),
        case!(e_async, handwritten, e_items, 1, EN),
        case!(e_async, yieldc_async_gen, e_items, 1, EN),
        case!(e_async, async_stream, e_items, 1, EN),
        case!(e_pending, handwritten, ep_items, 1, EN),
        case!(e_pending, yieldc_async_gen, ep_items, 1, EN),
        case!(e_pending, async_stream, ep_items, 1, EN),
    ]
}

/// `c_create`: creating and dropping a generator without resuming it (per-creation cost with
/// nothing else in the loop). Lives here so that `case!` can name it like a workload module.
pub mod c_create {
    pub use crate::c_flat_map::{
        create_async_stream as async_stream, create_genawaiter_rc as genawaiter_rc,
        create_handwritten as handwritten, create_yieldc_boxed as yieldc_boxed,
        create_yieldc_gen as yieldc_gen,
    };
}

/// `e_pending`: the async workload with a real suspension every 16 items.
pub mod e_pending {
    pub use crate::e_async::{
        pending_async_stream as async_stream, pending_handwritten as handwritten,
        pending_yieldc_async_gen as yieldc_async_gen,
    };
}

/// A cross-check of criterion on a noisy machine: `rounds` rounds, each running every variant
/// of a group once, interleaved, so that a burst of load from elsewhere hits all variants alike.
/// Prints per-item (or per-generator, for `c_create`) minimum and median ns and the ratio of
/// the minimum to the hand-written variant's minimum.
pub fn interleaved_timing(cases: &[Case], rounds: usize) {
    use std::time::Instant;
    let mut groups: Vec<&str> = cases.iter().map(|c| c.group).collect();
    groups.dedup();
    println!(
        "{:<12} {:<24} {:>12} {:>12} {:>9}",
        "workload", "variant", "min ns/item", "med ns/item", "min ratio"
    );
    for group in groups {
        let group_cases: Vec<&Case> = cases.iter().filter(|c| c.group == group).collect();
        let mut samples: Vec<Vec<f64>> = vec![Vec::with_capacity(rounds); group_cases.len()];
        for case in &group_cases {
            black_box((case.run)()); // warm-up
        }
        for _ in 0..rounds {
            for (i, case) in group_cases.iter().enumerate() {
                let start = Instant::now();
                black_box((case.run)());
                let ns = start.elapsed().as_nanos() as f64;
                let per = if case.items > 0 {
                    case.items
                } else {
                    case.gens
                } as f64;
                samples[i].push(ns / per);
            }
        }
        let stats: Vec<(f64, f64)> = samples
            .iter_mut()
            .map(|s| {
                s.sort_by(|a, b| a.partial_cmp(b).unwrap());
                (s[0], s[s.len() / 2])
            })
            .collect();
        let base = group_cases
            .iter()
            .position(|c| c.variant == "handwritten")
            .map(|i| stats[i].0)
            .unwrap_or(f64::NAN);
        for (case, (min, med)) in group_cases.iter().zip(&stats) {
            println!(
                "{:<12} {:<24} {:>12.3} {:>12.3} {:>9.2}",
                case.group,
                case.variant,
                min,
                med,
                min / base
            );
        }
    }
}
