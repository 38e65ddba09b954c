//! General coroutines (`#[coroutine]` closures), written as the lowering emits them.

mod common;

use common::panic_message;
use std::pin::Pin;
use yieldc_rt::{Coroutine, CoroutineState};

#[test]
fn resume_arguments_yields_and_return_value() {
    // #[coroutine] |r0: i32| { let r1 = yield r0 * 10; let r2 = yield r1 + 1; format!("{r2}") }
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__coroutine_parts!();
    let mut c = ::yieldc_rt::Coro::new(__yieldc_key, async move {
        let __yieldc_co = __yieldc_co;
        let r0: i32 = __yieldc_co.first_resume_arg().await;
        let r1 = __yieldc_co.yield_(r0 * 10).await;
        let r2 = __yieldc_co.yield_(r1 + 1).await;
        format!("{r2}")
    });
    assert_eq!(Pin::new(&mut c).resume(1), CoroutineState::Yielded(10));
    assert_eq!(Pin::new(&mut c).resume(5), CoroutineState::Yielded(6));
    assert_eq!(
        Pin::new(&mut c).resume(7),
        CoroutineState::Complete("7".to_string())
    );
    assert_eq!(
        panic_message(|| Pin::new(&mut c).resume(8)),
        "coroutine resumed after completion"
    );
}

#[test]
fn panic_then_resume_panics_with_nightly_message() {
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__coroutine_parts!();
    let mut c = ::yieldc_rt::Coro::new(__yieldc_key, async move {
        let __yieldc_co = __yieldc_co;
        __yieldc_co.yield_(1).await;
        panic!("x");
    });
    assert_eq!(Pin::new(&mut c).resume(()), CoroutineState::Yielded(1));
    assert_eq!(panic_message(|| Pin::new(&mut c).resume(())), "x");
    assert_eq!(
        panic_message(|| Pin::new(&mut c).resume(())),
        "coroutine resumed after panicking"
    );
}

#[test]
fn movable_coroutine_is_unpin_and_moves_between_resumes() {
    fn assert_unpin<T: Unpin>(_: &T) {}
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__coroutine_parts!();
    let c = ::yieldc_rt::Coro::new(__yieldc_key, async move {
        let __yieldc_co = __yieldc_co;
        let mut acc = String::new();
        loop {
            let piece: &str = __yieldc_co.yield_(acc.len()).await;
            if piece.is_empty() {
                return acc;
            }
            acc.push_str(piece);
        }
    });
    assert_unpin(&c);
    let mut boxed = Box::new(c);
    assert_eq!(
        Pin::new(&mut *boxed).resume("ignored"),
        CoroutineState::Yielded(0)
    );
    let mut c = {
        let b = boxed;
        *b
    };
    assert_eq!(Pin::new(&mut c).resume("ab"), CoroutineState::Yielded(2));
    assert_eq!(Pin::new(&mut c).resume("c"), CoroutineState::Yielded(3));
    assert_eq!(
        Pin::new(&mut c).resume(""),
        CoroutineState::Complete("abc".to_string())
    );
}

#[test]
fn static_coroutine_holds_self_borrows_across_yield() {
    // #[coroutine] static || { let v = vec![1, 2, 3]; for x in &v { yield *x } v.len() }
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__coroutine_parts!();
    let c = ::yieldc_rt::StaticCoro::new(__yieldc_key, async move {
        let __yieldc_co = __yieldc_co;
        let v = vec![1, 2, 3];
        for x in &v {
            __yieldc_co.yield_(*x).await;
        }
        v.len()
    });
    let mut c = Box::pin(c);
    assert_eq!(c.as_mut().resume(()), CoroutineState::Yielded(1));
    assert_eq!(c.as_mut().resume(()), CoroutineState::Yielded(2));
    assert_eq!(c.as_mut().resume(()), CoroutineState::Yielded(3));
    assert_eq!(c.as_mut().resume(()), CoroutineState::Complete(3));
    // Through the `Pin<&mut G>` and `Pin<Box<G>>` impls of the trait.
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__coroutine_parts!();
    let c = ::yieldc_rt::StaticCoro::new(__yieldc_key, async move {
        let __yieldc_co = __yieldc_co;
        __yieldc_co.yield_('a').await;
    });
    let mut pinned = std::pin::pin!(c);
    let mut by_pin = pinned.as_mut();
    assert_eq!(
        Pin::new(&mut by_pin).resume(()),
        CoroutineState::Yielded('a')
    );
}

#[cfg(feature = "alloc")]
#[test]
fn boxed_coroutine_is_movable_with_self_borrows() {
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__coroutine_parts!();
    let c = ::yieldc_rt::BoxedCoro::new(__yieldc_key, async move {
        let __yieldc_co = __yieldc_co;
        let s = String::from("hey");
        let r = &s;
        let n: usize = __yieldc_co.yield_(r.len()).await;
        r.len() + n
    });
    let mut boxed = Box::new(c);
    assert_eq!(Pin::new(&mut *boxed).resume(0), CoroutineState::Yielded(3));
    let mut c = {
        let b = boxed;
        *b
    };
    assert_eq!(Pin::new(&mut c).resume(4), CoroutineState::Complete(7));
    assert_eq!(
        panic_message(|| Pin::new(&mut c).resume(0)),
        "coroutine resumed after completion"
    );
}

#[test]
fn from_coroutine_is_not_fused() {
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__coroutine_parts!();
    let c = ::yieldc_rt::Coro::new(__yieldc_key, async move {
        let __yieldc_co = __yieldc_co;
        __yieldc_co.yield_(1).await;
        __yieldc_co.yield_(2).await;
    });
    let mut it = ::yieldc_rt::iter::from_coroutine(c);
    assert_eq!(it.next(), Some(1));
    assert_eq!(it.next(), Some(2));
    assert_eq!(it.next(), None);
    assert_eq!(
        panic_message(|| it.next()),
        "coroutine resumed after completion"
    );
}

#[test]
fn coroutine_state_mirrors_core() {
    let y: CoroutineState<u8, &str> = CoroutineState::Yielded(1);
    let c: CoroutineState<u8, &str> = CoroutineState::Complete("done");
    assert_ne!(y, c);
    assert!(y < c, "derives the same ordering as core's (variant order)");
    assert_eq!(format!("{c:?}"), "Complete(\"done\")");
    let copied = y;
    assert_eq!(copied, y);
}

#[test]
fn mutable_reference_impl_resumes_unpin_coroutines() {
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__coroutine_parts!();
    let mut c = ::yieldc_rt::Coro::new(__yieldc_key, async move {
        let __yieldc_co = __yieldc_co;
        __yieldc_co.yield_(1u8).await;
        2u16
    });
    let mut by_ref = &mut c;
    assert_eq!(Pin::new(&mut by_ref).resume(()), CoroutineState::Yielded(1));
    assert_eq!(
        Pin::new(&mut by_ref).resume(()),
        CoroutineState::Complete(2)
    );
}

#[test]
fn box_impl_resumes_unpin_coroutines() {
    // nightly: `impl<G: ?Sized + Coroutine<R> + Unpin, R, A> Coroutine<R> for Box<G, A>`.
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__coroutine_parts!();
    let c = ::yieldc_rt::Coro::new(__yieldc_key, async move {
        let __yieldc_co = __yieldc_co;
        __yieldc_co.yield_(1u8).await;
        2u16
    });
    let mut boxed: Box<dyn Coroutine<Yield = u8, Return = u16> + Unpin> = Box::new(c);
    assert_eq!(Pin::new(&mut boxed).resume(()), CoroutineState::Yielded(1));
    assert_eq!(Pin::new(&mut boxed).resume(()), CoroutineState::Complete(2));
}
