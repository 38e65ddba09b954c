//! Sync generators, written exactly as the lowering emits them for `gen` blocks and `gen fn`.

mod common;

use common::{log, noisy, panic_message, taken};
use std::iter::FusedIterator;

/// `gen fn count(n: u32) -> u32 { let mut i = 0; while i < n { yield i; i += 1; } }`
fn count(n: u32) -> impl Iterator<Item = u32> {
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__gen_parts!();
    ::yieldc_rt::Gen::new(__yieldc_key, async move {
        let __yieldc_co = __yieldc_co;
        let mut i = 0;
        while i < n {
            __yieldc_co.yield_(i).await;
            i += 1;
        }
    })
}

#[test]
fn yields_in_order_then_fused() {
    let mut it = count(3);
    assert_eq!(it.size_hint(), (0, None));
    assert_eq!(it.next(), Some(0));
    assert_eq!(it.next(), Some(1));
    assert_eq!(it.next(), Some(2));
    assert_eq!(it.next(), None);
    assert_eq!(it.next(), None);
    assert_eq!(it.size_hint(), (0, None));
    assert_eq!(count(10).sum::<u32>(), 45);
}

#[test]
fn gen_block_is_fused_iterator() {
    fn assert_fused<I: FusedIterator>(_: &I) {}
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__gen_parts!();
    let g = ::yieldc_rt::Gen::new(__yieldc_key, async move {
        let __yieldc_co = __yieldc_co;
        __yieldc_co.yield_("a").await;
        // bare `yield;` in a `()` generator is `yield ()`
    });
    assert_fused(&g);
    assert_eq!(g.collect::<Vec<_>>(), ["a"]);
}

#[test]
fn body_is_lazy_and_args_evaluated_at_call() {
    let log = log();
    let make = |log: &std::sync::Arc<std::sync::Mutex<Vec<&'static str>>>| {
        log.lock().unwrap().push("args");
        let log = log.clone();
        let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__gen_parts!();
        ::yieldc_rt::Gen::new(__yieldc_key, async move {
            let __yieldc_co = __yieldc_co;
            log.lock().unwrap().push("body");
            __yieldc_co.yield_(()).await;
        })
    };
    let mut g = make(&log);
    assert_eq!(taken(&log), ["args"]);
    assert_eq!(g.next(), Some(()));
    assert_eq!(taken(&log), ["body"]);
    assert_eq!(g.next(), None);
}

#[test]
fn unit_items_and_return_ends_iteration() {
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__gen_parts!();
    let g = ::yieldc_rt::Gen::new(__yieldc_key, async move {
        let __yieldc_co = __yieldc_co;
        for i in 0..10 {
            if i == 3 {
                return;
            }
            __yieldc_co.yield_(()).await;
        }
    });
    assert_eq!(g.count(), 3);
}

#[test]
fn panic_then_next_panics_with_nightly_message() {
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__gen_parts!();
    let mut g = ::yieldc_rt::Gen::new(__yieldc_key, async move {
        let __yieldc_co = __yieldc_co;
        __yieldc_co.yield_(1).await;
        panic!("boom");
    });
    assert_eq!(g.next(), Some(1));
    assert_eq!(panic_message(|| g.next()), "boom");
    assert_eq!(
        panic_message(|| g.next()),
        "`gen fn` should just keep returning `None` after panicking"
    );
    assert_eq!(
        panic_message(|| g.next()),
        "`gen fn` should just keep returning `None` after panicking"
    );
}

#[test]
fn drop_midway_drops_live_locals_in_reverse_then_captures() {
    let log = log();
    let captured_a = noisy("capture a", &log);
    let captured_b = noisy("capture b", &log);
    let l = log.clone();
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__gen_parts!();
    let mut g = ::yieldc_rt::Gen::new(__yieldc_key, async move {
        let __yieldc_co = __yieldc_co;
        let _first = noisy("local 1", &l);
        let _b = &captured_b;
        let _second = noisy("local 2", &l);
        let _a = &captured_a;
        __yieldc_co.yield_(()).await;
        l.lock().unwrap().push("unreachable");
    });
    assert_eq!(g.next(), Some(()));
    assert_eq!(taken(&log), Vec::<&str>::new());
    drop(g);
    // Same order as nightly's `gen move` (see ui-tests/drops): locals in reverse, then the
    // captures in order of first mention.
    assert_eq!(
        taken(&log),
        ["local 2", "local 1", "capture b", "capture a"]
    );
}

#[test]
fn captures_drop_when_the_body_completes() {
    let log = log();
    let captured = noisy("capture", &log);
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__gen_parts!();
    let mut g = ::yieldc_rt::Gen::new(__yieldc_key, async move {
        let __yieldc_co = __yieldc_co;
        let _c = &captured;
        __yieldc_co.yield_(1).await;
    });
    assert_eq!(g.next(), Some(1));
    assert!(taken(&log).is_empty());
    assert_eq!(g.next(), None);
    assert_eq!(taken(&log), ["capture"]);
    drop(g);
    assert!(taken(&log).is_empty());
}

#[test]
fn yield_statement_temporaries_live_across_the_suspension() {
    let log = log();
    let l = log.clone();
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__gen_parts!();
    let mut g = ::yieldc_rt::Gen::new(__yieldc_key, async move {
        let __yieldc_co = __yieldc_co;
        __yieldc_co.yield_(noisy("temp", &l).name.len()).await;
        l.lock().unwrap().push("after yield");
    });
    assert_eq!(g.next(), Some(4));
    assert!(
        taken(&log).is_empty(),
        "the temporary drops after the next resume"
    );
    assert_eq!(g.next(), None);
    assert_eq!(taken(&log), ["temp", "after yield"]);
}

#[test]
fn nested_generators_each_reach_their_own_slot() {
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__gen_parts!();
    let outer = ::yieldc_rt::Gen::new(__yieldc_key, async move {
        let __yieldc_co = __yieldc_co;
        for i in 0..3u32 {
            let inner = {
                let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__gen_parts!();
                ::yieldc_rt::Gen::new(__yieldc_key, async move {
                    let __yieldc_co = __yieldc_co;
                    for j in 0..i {
                        __yieldc_co.yield_(format!("{i}.{j}")).await;
                    }
                })
            };
            for s in inner {
                __yieldc_co
                    .yield_(s.len() as u64 * 100 + u64::from(i))
                    .await;
            }
            __yieldc_co.yield_(u64::from(i)).await;
        }
    });
    assert_eq!(outer.collect::<Vec<_>>(), [0, 301, 1, 302, 302, 2]);
}

#[test]
fn moving_between_next_calls_and_freeing_the_old_location() {
    // The inline representation moves the body between resumptions; the check copy proves no
    // borrow crosses a `yield`. Under Miri, the old location is really freed here.
    let data = vec![10u32, 20, 30];
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__gen_parts!();
    let g = ::yieldc_rt::Gen::new(__yieldc_key, async move {
        let __yieldc_co = __yieldc_co;
        let mut total = 0;
        let mut i = 0;
        while i < data.len() {
            let x = data[i];
            total += x;
            __yieldc_co.yield_(x + total).await;
            i += 1;
        }
    });
    let mut boxed = Box::new(g);
    assert_eq!(boxed.next(), Some(20));
    let mut g = {
        let b = boxed;
        *b
    };
    assert_eq!(g.next(), Some(50));
    let mut boxed = Box::new(g);
    assert_eq!(boxed.next(), Some(90));
    let mut g = {
        let b = boxed;
        *b
    };
    assert_eq!(g.next(), None);
}

#[cfg(feature = "alloc")]
#[test]
fn boxed_gen_allows_self_borrows_across_yield() {
    // `gen move { let v = vec![..]; for x in &v { yield *x } }` is E0626 on nightly; the
    // boxed representation runs it soundly (it is what the `gen_self_borrow` extension uses).
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__gen_parts!();
    let g = ::yieldc_rt::BoxedGen::new(__yieldc_key, async move {
        let __yieldc_co = __yieldc_co;
        let v = vec![1u8, 2, 3];
        for x in &v {
            __yieldc_co.yield_(*x).await;
        }
    });
    let mut boxed = Box::new(g);
    assert_eq!(boxed.next(), Some(1));
    let mut g = {
        let b = boxed;
        *b
    };
    assert_eq!(g.next(), Some(2));
    assert_eq!(g.next(), Some(3));
    assert_eq!(g.next(), None);
    assert_eq!(g.next(), None);
}

#[cfg(feature = "alloc")]
#[test]
fn boxed_gen_panics_like_inline() {
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__gen_parts!();
    let mut g = ::yieldc_rt::BoxedGen::new(__yieldc_key, async move {
        let __yieldc_co = __yieldc_co;
        __yieldc_co.yield_(1).await;
        panic!("inner");
    });
    assert_eq!(g.next(), Some(1));
    assert_eq!(panic_message(|| g.next()), "inner");
    assert_eq!(
        panic_message(|| g.next()),
        "`gen fn` should just keep returning `None` after panicking"
    );
}

#[test]
fn yields_references_into_captured_data() {
    // `gen fn words<'a>(s: &'a str) -> &'a str { for w in s.split(' ') { yield w } }`:
    // the iterator borrows the argument, not the generator's own state.
    fn words<'a>(s: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__gen_parts!();
        ::yieldc_rt::Gen::new(__yieldc_key, async move {
            let __yieldc_co = __yieldc_co;
            for w in s.split(' ') {
                __yieldc_co.yield_(w).await;
            }
        })
    }
    let text = String::from("to be or not");
    assert_eq!(words(&text).collect::<Vec<_>>(), ["to", "be", "or", "not"]);
}

#[test]
fn non_move_gen_borrows_its_environment() {
    let v = vec![1, 2, 3];
    let mut seen = Vec::new();
    {
        let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__gen_parts!();
        let g = ::yieldc_rt::Gen::new(__yieldc_key, async {
            let __yieldc_co = __yieldc_co;
            for x in v.iter() {
                __yieldc_co.yield_(x * 2).await;
            }
        });
        seen.extend(g);
    }
    assert_eq!(seen, [2, 4, 6]);
    assert_eq!(v, [1, 2, 3]);
}

#[test]
fn clone_exists_for_bodies_that_are_clone_only() {
    // The lowering's bodies are `async` blocks (never `Clone`), so `.clone()` on a lowered
    // generator is E0277 like nightly's; a hand-made `Clone` body shows what the impl does.
    let (__yieldc_key, _co) = ::yieldc_rt::__gen_parts!();
    let g: ::yieldc_rt::Gen<u8, _, _> = ::yieldc_rt::Gen::new(__yieldc_key, std::future::ready(()));
    let mut copy = g.clone();
    assert_eq!(copy.next(), None);
    // A finished generator clones into a finished one (fused: never polled again).
    let mut finished = copy.clone();
    assert_eq!(finished.next(), None);
}

#[test]
fn non_move_gen_with_captures_moved_or_copied_whole_moves_between_next_calls() {
    // `gen { let w = s; for i in 0..n { yield w.len() + i * k; } }`, not `move`: `s` (not `Copy`)
    // is captured by value, `n` and `k` (`Copy`) by reference; none is ever borrowed by the
    // body, so the lowering goes inline without rebinding them (check_copy.rs). Under Miri,
    // the generator is moved between resumptions and its old location freed.
    let s = String::from("abc");
    let (n, k) = (3usize, 10usize);
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__gen_parts!();
    let g = ::yieldc_rt::Gen::new(__yieldc_key, async {
        let __yieldc_co = __yieldc_co;
        let w = s;
        for i in 0..n {
            __yieldc_co.yield_(w.len() + i * k).await;
        }
    });
    let mut boxed = Box::new(g);
    assert_eq!(boxed.next(), Some(3));
    let mut g = {
        let b = boxed;
        *b
    };
    assert_eq!(g.next(), Some(13));
    let mut boxed = Box::new(g);
    assert_eq!(boxed.next(), Some(23));
    assert_eq!(boxed.next(), None);
    assert_eq!((n, k), (3, 10));
}
