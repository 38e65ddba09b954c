//! One criterion run comparing every hand-off mechanism on the same
//! workloads. Run with `cargo +nightly bench` from this directory, then
//! `python3 summarize.py` for the ratio table.
#![feature(gen_blocks)]
// The workload is spelled `x % 3 != 0` on purpose (same text in every variant).
#![allow(clippy::manual_is_multiple_of)]

use context_structure_bench::async_gen::{
    AsyncPinGen, AsyncWakerGen, drain_arc, drain_rc, pending_once,
};
use context_structure_bench::context_ext::ExtGen;
use context_structure_bench::pinned::{self, BoxedPinGen, PinGen, PinIter};
use context_structure_bench::thread_local::TlGen;
use context_structure_bench::waker_data::WakerGen;
use context_structure_bench::waker_data_checked::CheckedGen;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::pin::pin;
use std::time::Duration;

/// Range length for the filter workload (yields 2/3 of it).
const N_FILTER: u64 = 30_000;
/// Number of 2-item generators in the flat_map workload.
const N_PAIRS: u64 = 10_000;
/// Items drained from the async generator.
const N_ASYNC: u64 = 20_000;

/// The same consumer for every variant: each item goes through `black_box`,
/// so the loop can be neither vectorised nor turned into a closed form, but
/// the iterator itself is still free to be inlined.
#[inline(always)]
fn consume(it: impl Iterator<Item = u64>) -> u64 {
    let mut sum = 0u64;
    for x in it {
        sum = sum.wrapping_add(black_box(x));
    }
    sum
}

// --- hand-written baselines -----------------------------------------------

struct FilterIter {
    i: u64,
    n: u64,
}
impl Iterator for FilterIter {
    type Item = u64;
    #[inline]
    fn next(&mut self) -> Option<u64> {
        while self.i < self.n {
            let x = self.i;
            self.i += 1;
            if x % 3 != 0 {
                return Some(x);
            }
        }
        None
    }
}

struct Pair {
    base: u64,
    state: u8,
}
impl Iterator for Pair {
    type Item = u64;
    #[inline]
    fn next(&mut self) -> Option<u64> {
        let r = match self.state {
            0 => 2 * self.base,
            1 => 2 * self.base + 1,
            _ => return None,
        };
        self.state += 1;
        Some(r)
    }
}

struct Count {
    i: u64,
    n: u64,
}
impl Iterator for Count {
    type Item = u64;
    #[inline]
    fn next(&mut self) -> Option<u64> {
        (self.i < self.n).then(|| {
            self.i += 1;
            self.i - 1
        })
    }
}

// --- workload 1: filter + sum ---------------------------------------------

fn filter_sum(c: &mut Criterion) {
    let n = N_FILTER;
    let expected: u64 = (0..n).filter(|x| x % 3 != 0).sum();
    let mut g = c.benchmark_group("filter_sum");
    g.throughput(Throughput::Elements(
        (0..n).filter(|x| x % 3 != 0).count() as u64
    ));

    g.bench_function("iter_handwritten", |b| {
        b.iter(|| {
            consume(FilterIter {
                i: 0,
                n: black_box(n),
            })
        })
    });
    g.bench_function("gen_native", |b| {
        b.iter(|| {
            let n = black_box(n);
            consume(gen move {
                for x in 0..n {
                    if x % 3 != 0 {
                        yield x;
                    }
                }
            })
        })
    });
    g.bench_function("m1_waker_data", |b| {
        b.iter(|| {
            let n = black_box(n);
            // SAFETY: `co` is awaited only directly in the body, which holds
            // no borrows across yields (yieldc's lowering guarantees both).
            consume(unsafe {
                WakerGen::new(move |co| async move {
                    for x in 0..n {
                        if x % 3 != 0 {
                            co.yield_(x).await
                        }
                    }
                })
            })
        })
    });
    g.bench_function("m1_checked", |b| {
        b.iter(|| {
            let n = black_box(n);
            // SAFETY: the body holds no borrows across yields.
            consume(unsafe {
                CheckedGen::new(move |co| async move {
                    for x in 0..n {
                        if x % 3 != 0 {
                            co.yield_(x).await
                        }
                    }
                })
            })
        })
    });
    g.bench_function("m2_thread_local", |b| {
        b.iter(|| {
            let n = black_box(n);
            // SAFETY: as for m1.
            consume(unsafe {
                TlGen::new(move |co| async move {
                    for x in 0..n {
                        if x % 3 != 0 {
                            co.yield_(x).await
                        }
                    }
                })
            })
        })
    });
    g.bench_function("m3_pinned_stack", |b| {
        b.iter(|| {
            let n = black_box(n);
            // SAFETY: `co` is awaited only directly in the body.
            let g = pin!(unsafe {
                PinGen::new(move |co: pinned::Co<u64>| async move {
                    for x in 0..n {
                        if x % 3 != 0 {
                            co.yield_(x).await
                        }
                    }
                })
            });
            consume(PinIter(g))
        })
    });
    g.bench_function("m4_context_ext", |b| {
        b.iter(|| {
            let n = black_box(n);
            // SAFETY: the body holds no borrows across yields.
            consume(unsafe {
                ExtGen::new(move |co| async move {
                    for x in 0..n {
                        if x % 3 != 0 {
                            co.yield_(x).await
                        }
                    }
                })
            })
        })
    });
    g.finish();
    // Cheap self-check that every variant computes the same thing.
    assert_eq!(consume(FilterIter { i: 0, n }), expected);
}

// --- workload 1b: filter + sum behind `&mut dyn Iterator` -----------------

/// Consumer that cannot see the generator: `next()` is a virtual call, so the
/// state machine cannot be dissolved into the caller's loop and its state
/// lives in memory for every variant. What remains is the per-yield cost of
/// the hand-off itself.
#[inline(never)]
fn consume_dyn(it: &mut dyn Iterator<Item = u64>) -> u64 {
    let mut sum = 0u64;
    for x in it {
        sum = sum.wrapping_add(black_box(x));
    }
    sum
}

fn filter_sum_dyn(c: &mut Criterion) {
    let n = N_FILTER;
    let expected: u64 = (0..n).filter(|x| x % 3 != 0).sum();
    let mut g = c.benchmark_group("filter_sum_dyn");
    g.throughput(Throughput::Elements(
        (0..n).filter(|x| x % 3 != 0).count() as u64
    ));

    g.bench_function("iter_handwritten", |b| {
        b.iter(|| {
            consume_dyn(&mut FilterIter {
                i: 0,
                n: black_box(n),
            })
        })
    });
    g.bench_function("gen_native", |b| {
        b.iter(|| {
            let n = black_box(n);
            consume_dyn(&mut gen move {
                for x in 0..n {
                    if x % 3 != 0 {
                        yield x;
                    }
                }
            })
        })
    });
    g.bench_function("m1_waker_data", |b| {
        b.iter(|| {
            let n = black_box(n);
            // SAFETY: as in filter_sum/m1.
            consume_dyn(&mut unsafe {
                WakerGen::new(move |co| async move {
                    for x in 0..n {
                        if x % 3 != 0 {
                            co.yield_(x).await
                        }
                    }
                })
            })
        })
    });
    g.bench_function("m1_checked", |b| {
        b.iter(|| {
            let n = black_box(n);
            // SAFETY: the body holds no borrows across yields.
            consume_dyn(&mut unsafe {
                CheckedGen::new(move |co| async move {
                    for x in 0..n {
                        if x % 3 != 0 {
                            co.yield_(x).await
                        }
                    }
                })
            })
        })
    });
    g.bench_function("m2_thread_local", |b| {
        b.iter(|| {
            let n = black_box(n);
            // SAFETY: as in filter_sum/m1.
            consume_dyn(&mut unsafe {
                TlGen::new(move |co| async move {
                    for x in 0..n {
                        if x % 3 != 0 {
                            co.yield_(x).await
                        }
                    }
                })
            })
        })
    });
    g.bench_function("m3_pinned_stack", |b| {
        b.iter(|| {
            let n = black_box(n);
            // SAFETY: `co` is awaited only directly in the body.
            let g = pin!(unsafe {
                PinGen::new(move |co: pinned::Co<u64>| async move {
                    for x in 0..n {
                        if x % 3 != 0 {
                            co.yield_(x).await
                        }
                    }
                })
            });
            consume_dyn(&mut PinIter(g))
        })
    });
    g.bench_function("m4_context_ext", |b| {
        b.iter(|| {
            let n = black_box(n);
            // SAFETY: as in filter_sum/m4.
            consume_dyn(&mut unsafe {
                ExtGen::new(move |co| async move {
                    for x in 0..n {
                        if x % 3 != 0 {
                            co.yield_(x).await
                        }
                    }
                })
            })
        })
    });
    g.finish();
    assert_eq!(consume_dyn(&mut FilterIter { i: 0, n }), expected);
}

// --- workload 2: many 2-item generators (flat_map) --------------------------

fn flat_map_pairs(c: &mut Criterion) {
    let n = N_PAIRS;
    let mut g = c.benchmark_group("flat_map_pairs");
    g.throughput(Throughput::Elements(2 * n));

    g.bench_function("iter_handwritten", |b| {
        b.iter(|| consume((0..black_box(n)).flat_map(|i| Pair { base: i, state: 0 })))
    });
    g.bench_function("gen_native", |b| {
        b.iter(|| {
            consume((0..black_box(n)).flat_map(|i| gen move {
                yield 2 * i;
                yield 2 * i + 1;
            }))
        })
    });
    g.bench_function("m1_waker_data", |b| {
        b.iter(|| {
            consume((0..black_box(n)).flat_map(|i| {
                // SAFETY: as in filter_sum/m1.
                unsafe {
                    WakerGen::new(move |co| async move {
                        co.yield_(2 * i).await;
                        co.yield_(2 * i + 1).await;
                    })
                }
            }))
        })
    });
    g.bench_function("m1_checked", |b| {
        b.iter(|| {
            consume((0..black_box(n)).flat_map(|i| {
                // SAFETY: the body holds no borrows across yields.
                unsafe {
                    CheckedGen::new(move |co| async move {
                        co.yield_(2 * i).await;
                        co.yield_(2 * i + 1).await;
                    })
                }
            }))
        })
    });
    g.bench_function("m1_waker_data_boxed", |b| {
        b.iter(|| {
            consume((0..black_box(n)).flat_map(|i| {
                // SAFETY: `co` awaited only directly in the body; the body is
                // boxed, so moving the generator never moves the state machine.
                unsafe {
                    WakerGen::new(move |co| {
                        Box::pin(async move {
                            co.yield_(2 * i).await;
                            co.yield_(2 * i + 1).await;
                        })
                    })
                }
            }))
        })
    });
    g.bench_function("m2_thread_local", |b| {
        b.iter(|| {
            consume((0..black_box(n)).flat_map(|i| {
                // SAFETY: as in filter_sum/m1.
                unsafe {
                    TlGen::new(move |co| async move {
                        co.yield_(2 * i).await;
                        co.yield_(2 * i + 1).await;
                    })
                }
            }))
        })
    });
    g.bench_function("m3_pinned_boxed", |b| {
        b.iter(|| {
            consume((0..black_box(n)).flat_map(|i| {
                // SAFETY: `co` awaited only directly in the body.
                BoxedPinGen(Box::pin(unsafe {
                    PinGen::new(move |co: pinned::Co<u64>| async move {
                        co.yield_(2 * i).await;
                        co.yield_(2 * i + 1).await;
                    })
                }))
            }))
        })
    });
    g.bench_function("m4_context_ext", |b| {
        b.iter(|| {
            consume((0..black_box(n)).flat_map(|i| {
                // SAFETY: no borrows across yields.
                unsafe {
                    ExtGen::new(move |co| async move {
                        co.yield_(2 * i).await;
                        co.yield_(2 * i + 1).await;
                    })
                }
            }))
        })
    });
    g.finish();
}

// --- workload 3: async generator on a single-threaded executor --------------

macro_rules! async_pin_gen {
    ($n:expr, $period:expr, $local:literal) => {{
        let (n, period) = ($n, $period);
        // SAFETY: `co` is awaited only directly in the body.
        unsafe {
            AsyncPinGen::new(move |co: pinned::Co<u64>| async move {
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

macro_rules! async_fwd_gen {
    ($n:expr, $period:expr, $local:literal) => {{
        let (n, period) = ($n, $period);
        // SAFETY: `co` is awaited only directly in the body.
        unsafe {
            AsyncWakerGen::<u64, _, $local>::new(move |co| async move {
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

fn async_exec(c: &mut Criterion) {
    let n = N_ASYNC;
    let expected: u64 = (0..n).sum();
    let mut g = c.benchmark_group("async_exec");
    g.throughput(Throughput::Elements(n));

    g.bench_function("iter_handwritten", |b| {
        b.iter(|| {
            consume(Count {
                i: 0,
                n: black_box(n),
            })
        })
    });
    // Period `u64::MAX` never returns Pending: isolates the yield hand-off.
    // Period 16 is the workload asked for; period 1 wakes once per item, so
    // (p1 - nopending) is the cost of one clone + wake + executor check.
    for (label, period) in [("nopending", u64::MAX), ("p16", 16), ("p1", 1)] {
        g.bench_function(BenchmarkId::new("m1fwd_arc_waker", label), |b| {
            b.iter(|| drain_arc(pin!(async_fwd_gen!(black_box(n), black_box(period), false))))
        });
        g.bench_function(BenchmarkId::new("m1fwd_rc_local_waker", label), |b| {
            b.iter(|| drain_rc(pin!(async_fwd_gen!(black_box(n), black_box(period), true))))
        });
        g.bench_function(BenchmarkId::new("m3_arc_waker", label), |b| {
            b.iter(|| drain_arc(pin!(async_pin_gen!(black_box(n), black_box(period), false))))
        });
        g.bench_function(BenchmarkId::new("m3_rc_local_waker", label), |b| {
            b.iter(|| drain_rc(pin!(async_pin_gen!(black_box(n), black_box(period), true))))
        });
    }
    g.finish();

    for period in [1u64, 16, u64::MAX] {
        assert_eq!(drain_arc(pin!(async_pin_gen!(n, period, false))), expected);
        assert_eq!(drain_rc(pin!(async_pin_gen!(n, period, true))), expected);
        assert_eq!(drain_arc(pin!(async_fwd_gen!(n, period, false))), expected);
        assert_eq!(drain_rc(pin!(async_fwd_gen!(n, period, true))), expected);
    }
}

fn config() -> Criterion {
    // 35 benchmarks x (1 s warm-up + 2.5 s measurement + analysis) keeps a
    // full run at about 2 minutes on a 2-core VM.
    Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_millis(2500))
        .without_plots()
}

criterion_group! {
    name = benches;
    config = config();
    targets = filter_sum, filter_sum_dyn, flat_map_pairs, async_exec
}
criterion_main!(benches);
