//! `Send`/`Sync` follow the body's state, like nightly's generators.
#![forbid(unsafe_code)] // the lowering's macros must not trip a user's `forbid(unsafe_code)`

use std::marker::PhantomData;
use std::rc::Rc;
use yieldc_rt::async_iter::AsyncIterator;

fn assert_send<T: Send>(_: &T) {}
fn assert_sync<T: Sync>(_: &T) {}

// The negative cases (`Rc` held across a `yield` makes the generator `!Send`) are
// `compile_fail,E0277` doctests on `yieldc_rt::__private::auto_trait_docs`.

#[test]
fn sync_gen_is_send_and_sync_when_its_state_is() {
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__gen_parts!();
    let g = ::yieldc_rt::Gen::new(__yieldc_key, async move {
        let __yieldc_co = __yieldc_co;
        let v = vec![1, 2];
        __yieldc_co.yield_(v.len()).await;
    });
    assert_send(&g);
    assert_sync(&g);
}

#[test]
fn rc_in_a_scoping_block_before_the_yield_keeps_it_send() {
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__gen_parts!();
    let g = ::yieldc_rt::Gen::new(__yieldc_key, async move {
        let __yieldc_co = __yieldc_co;
        let n = {
            let rc = Rc::new(1);
            *rc
        };
        __yieldc_co.yield_(n).await;
    });
    assert_send(&g);
}

#[test]
fn items_that_are_not_send_do_not_matter_if_never_held() {
    // The item type alone does not decide: a generator of `Rc`s created inside the body
    // and yielded is judged by its state (above); the iterator type does not mention `T`
    // except through the body.
    fn check<T>(_: PhantomData<T>) {
        let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__gen_parts!();
        let g = ::yieldc_rt::Gen::new(__yieldc_key, async move {
            let __yieldc_co: yieldc_rt::GenCo<T> = __yieldc_co;
            let _ = &__yieldc_co;
        });
        assert_send(&g);
    }
    check::<Rc<u8>>(PhantomData);
}

#[test]
fn async_gen_auto_traits_follow_the_state() {
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__async_gen_parts!();
    let g = ::yieldc_rt::AsyncGen::new(__yieldc_key, async move {
        let __yieldc_co = &__yieldc_co.bind().await;
        let s = String::from("x");
        __yieldc_co.yield_(s.len()).await;
    });
    assert_send(&g);
    assert_sync(&g);
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__async_gen_parts!();
    let g = ::yieldc_rt::AsyncGen::new(__yieldc_key, async move {
        let __yieldc_co = &__yieldc_co.bind().await;
        let rc = Rc::new(1);
        __yieldc_co.yield_(*rc).await;
    });
    assert_eq!(g.size_hint(), (0, None));
}

#[test]
fn coroutines_auto_traits_follow_the_state() {
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__coroutine_parts!();
    let c = ::yieldc_rt::Coro::new(__yieldc_key, async move {
        let __yieldc_co = __yieldc_co;
        let r: u8 = __yieldc_co.yield_(1u8).await;
        r
    });
    assert_send(&c);
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__coroutine_parts!();
    let c = ::yieldc_rt::Coro::new(__yieldc_key, async move {
        let __yieldc_co = __yieldc_co;
        let rc = Rc::new(2u8);
        let r: u8 = __yieldc_co.yield_(1u8).await;
        r + *rc
    });
    let _ = c;
}
