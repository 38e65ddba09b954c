//! Nightly's native `gen` and `async gen` blocks on the workloads of `benches/runtime`
//! (`yieldc-runtime-bench`), whose hand-written baselines and yieldc variants are re-run here
//! so that every ratio is taken within one process and one compiler.
#![feature(gen_blocks, async_iterator)]

use core::async_iter::AsyncIterator;
use core::pin::pin;
use core::task::{Context, Poll, Waker};
use std::hint::black_box;

use yieldc_runtime_bench::d_tree::Node;
use yieldc_runtime_bench::{Case, PendingOnce, sum};

/// The minimal executor of `yieldc_runtime_bench::sum_async_iter`, for
/// `core::async_iter::AsyncIterator`.
#[inline(always)]
pub fn sum_core_async_iter<S: AsyncIterator<Item = u32>>(iter: S) -> u64 {
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

pub mod a_filter {
    use super::*;

    #[inline(never)]
    pub fn nightly_gen(n: u32) -> u64 {
        sum(gen move {
            for x in 0..n {
                if x % 3 != 0 {
                    yield x;
                }
            }
        })
    }
}

pub mod b_nested {
    use super::*;

    #[inline(never)]
    pub fn nightly_gen((a, b): (u32, u32)) -> u64 {
        sum(gen move {
            for i in 0..a {
                for j in 0..b {
                    yield i * j;
                }
            }
        })
    }
}

pub mod c_flat_map {
    use super::*;

    #[inline(always)]
    fn make(i: u32) -> impl Iterator<Item = u32> {
        gen move {
            yield i;
            yield i + 1;
        }
    }

    #[inline(never)]
    pub fn nightly_gen(n: u32) -> u64 {
        sum((0..n).flat_map(|i| make(i)))
    }

    #[inline(never)]
    pub fn nightly_gen_loop(n: u32) -> u64 {
        let mut acc = 0u64;
        for i in 0..n {
            acc = acc.wrapping_add(sum(make(i)));
        }
        acc
    }

    #[inline(never)]
    pub fn create_nightly_gen(n: u32) -> u64 {
        for i in 0..n {
            drop(black_box(make(i)));
        }
        n as u64
    }
}

pub mod d_tree {
    use super::*;

    fn walk(t: &Node) -> Box<dyn Iterator<Item = u32> + '_> {
        Box::new(gen move {
            if let Some(l) = &t.left {
                for x in walk(l) {
                    yield x;
                }
            }
            yield t.value;
            if let Some(r) = &t.right {
                for x in walk(r) {
                    yield x;
                }
            }
        })
    }

    #[inline(never)]
    pub fn nightly_gen(t: &Node) -> u64 {
        sum(walk(t))
    }
}

pub mod e_async {
    use super::*;

    #[inline(never)]
    pub fn nightly_async_gen(n: u32) -> u64 {
        sum_core_async_iter(async gen move {
            for x in 0..n {
                if x % 3 != 0 {
                    yield x;
                }
            }
        })
    }

    #[inline(never)]
    pub fn pending_nightly_async_gen(n: u32) -> u64 {
        sum_core_async_iter(async gen move {
            for x in 0..n {
                if x % 16 == 0 {
                    PendingOnce::new().await;
                }
                yield x;
            }
        })
    }
}

/// The nightly cases, interleaved with the stable crate's hand-written and yieldc variants.
pub fn cases() -> Vec<Case> {
    use yieldc_runtime_bench as s;
    let stable = s::cases();
    let pick = |group: &str, variant: &str| -> Case {
        let c = stable
            .iter()
            .find(|c| c.group == group && c.variant == variant)
            .unwrap();
        Case {
            group: c.group,
            variant: c.variant,
            items: c.items,
            gens: c.gens,
            run: c.run,
        }
    };
    let native = |group: &'static str, variant: &'static str, run: fn() -> u64| -> Case {
        let c = pick(group, "handwritten");
        Case {
            group,
            variant,
            items: c.items,
            gens: c.gens,
            run,
        }
    };
    vec![
        pick("a_filter", "handwritten"),
        pick("a_filter", "yieldc_gen"),
        pick("a_filter", "yieldc_boxed"),
        native("a_filter", "nightly_gen", || {
            a_filter::nightly_gen(black_box(s::a_filter::N))
        }),
        pick("b_nested", "handwritten"),
        pick("b_nested", "yieldc_gen"),
        pick("b_nested", "yieldc_boxed"),
        native("b_nested", "nightly_gen", || {
            b_nested::nightly_gen(black_box((s::b_nested::A, s::b_nested::B)))
        }),
        pick("c_flat_map", "handwritten"),
        pick("c_flat_map", "yieldc_gen"),
        pick("c_flat_map", "yieldc_boxed"),
        native("c_flat_map", "nightly_gen", || {
            c_flat_map::nightly_gen(black_box(s::c_flat_map::N))
        }),
        pick("c_flat_map", "handwritten_loop"),
        pick("c_flat_map", "yieldc_gen_loop"),
        native("c_flat_map", "nightly_gen_loop", || {
            c_flat_map::nightly_gen_loop(black_box(s::c_flat_map::N))
        }),
        pick("c_create", "handwritten"),
        pick("c_create", "yieldc_gen"),
        pick("c_create", "yieldc_boxed"),
        native("c_create", "nightly_gen", || {
            c_flat_map::create_nightly_gen(black_box(s::c_flat_map::N))
        }),
        pick("d_tree", "handwritten"),
        pick("d_tree", "handwritten_boxed"),
        pick("d_tree", "yieldc_gen"),
        pick("d_tree", "yieldc_boxed"),
        native("d_tree", "nightly_gen", || {
            d_tree::nightly_gen(black_box(s::d_tree::tree()))
        }),
        pick("e_async", "handwritten"),
        pick("e_async", "yieldc_async_gen"),
        native("e_async", "nightly_async_gen", || {
            e_async::nightly_async_gen(black_box(s::e_async::N))
        }),
        pick("e_pending", "handwritten"),
        pick("e_pending", "yieldc_async_gen"),
        native("e_pending", "nightly_async_gen", || {
            e_async::pending_nightly_async_gen(black_box(s::e_async::N))
        }),
    ]
}
