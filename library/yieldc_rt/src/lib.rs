//! `yieldc_rt`: the runtime that code lowered by yieldc calls.
//!
//! It provides stable mirrors of the nightly library items behind Rust's coroutine features
//! (`core::ops::{Coroutine, CoroutineState}`, `core::async_iter`, `core::iter::from_coroutine`)
//! and the generator types that `gen`, `async gen` and `#[coroutine]` bodies become.
//!
//! Every body is an `async` state machine; a `yield` is an `.await` on a future that hands the
//! value to the resumer. Sync generators pass it through a slot on the stack of `next()`, found
//! through the waker's data pointer ([`resume`](crate::Gen)); async generators, which are
//! pinned, keep the slot in themselves and leave the caller's `Context` untouched.
//!
//! Architecture invariant: no thread-locals, no allocation outside the `alloc` feature's boxed
//! representations, no dependency on the compiler crates. Every `unsafe` block states its
//! argument in a `// SAFETY:` comment; `design-notes/inline-soundness.md` gives the global one.
#![no_std]
#![warn(missing_docs)]

#[cfg(feature = "alloc")]
extern crate alloc;

#[doc(hidden)]
#[path = "for_await.rs"]
pub mod __for_await;
mod async_gen;
pub mod async_iter;
mod coroutine;
mod gen;
mod machine;
mod resume;
#[cfg(feature = "stream")]
mod stream;
mod type_id;

#[doc(hidden)]
pub use async_gen::{__awaited, Awaited, WithCallerWaker};
pub use async_gen::{AsyncCo, AsyncCoToken, AsyncGen, AsyncGenKey, AsyncYield, Bind};
#[cfg(feature = "alloc")]
pub use coroutine::BoxedCoro;
pub use coroutine::{
    from_coroutine, Coro, Coroutine, CoroutineKey, CoroutineState, FromCoroutine, StaticCoro,
};
#[cfg(feature = "alloc")]
pub use gen::BoxedGen;
pub use gen::{Gen, GenKey};
pub use machine::Refused;
pub use resume::{Co, FirstResumeArg, GenCo, GenYield, Yield};
#[cfg(feature = "stream")]
pub use stream::{from_stream, StreamIter};

/// Mirrors of `core::ops`'s coroutine items, for rewritten `use` paths.
pub mod ops {
    pub use crate::coroutine::{Coroutine, CoroutineState};
}

/// Mirrors of `core::iter`'s coroutine items, for rewritten `use` paths.
pub mod iter {
    pub use crate::coroutine::{from_coroutine, FromCoroutine};
}

/// `core`, for the lowering's paths in edition 2015, where `::core` names an item of the crate
/// root.
#[doc(hidden)]
pub use core as __core;

/// One item per gate whose unused declaration nightly reports (`unused_features`): the driver
/// imports the ones a crate declares but does not use, `use ::yieldc_rt::__features::GATE as
/// _;`, and turns the import's `unused_imports` warning into nightly's.
#[doc(hidden)]
#[allow(non_upper_case_globals)]
pub mod __features {
    pub const gen_blocks: () = ();
    pub const coroutines: () = ();
    pub const yield_expr: () = ();
    pub const async_for_loop: () = ();
    pub const stmt_expr_attributes: () = ();
    pub const coroutine_clone: () = ();
    pub const coroutine_trait: () = ();
    pub const async_iterator: () = ();
    pub const iter_from_coroutine: () = ();
    pub const async_iter_from_iter: () = ();
    pub const iter_macro: () = ();
}

/// Always `false`, opaque to the borrow checker: guards the never-taken check copy.
#[doc(hidden)]
#[inline(always)]
pub fn __never() -> bool {
    false
}

/// The arms of a generator body that has a check copy: `match __arm() { __Arm::Body => { .. }
/// __Arm::Copy => { .. } }`. Not a `bool`, so that `clippy::match_bool` has nothing to say.
#[doc(hidden)]
pub enum __Arm {
    /// The body that runs.
    Body,
    /// The check copy, never taken.
    Copy,
}

/// Always [`__Arm::Body`], opaque to the borrow checker (see [`__never`]).
#[doc(hidden)]
#[inline(always)]
pub fn __arm() -> __Arm {
    __Arm::Body
}

/// `__once0(CLOSURE)` … `__once12(CLOSURE)`: the closure itself, made `FnOnce` by the bound it
/// is checked against (rustc takes a closure's kind from the `Fn*` bound it is passed to).
/// The lowering wraps an `iter!` closure without `move` in one when its generator takes a
/// mutable borrow of an outer variable: nightly's generator then moves the closure's `&mut`
/// capture out of it, so the closure is `FnOnce`; inferred as `FnMut`, the generator could
/// only reborrow the capture for one call ("captured variable cannot escape `FnMut` closure
/// body"). The driver finds those closures by that error (see its `compile_shadowed`).
macro_rules! once_by_arity {
    ($($name:ident($($arg:ident),*);)*) => {$(
        #[doc(hidden)]
        #[inline(always)]
        pub fn $name<F: FnOnce($($arg),*) -> R, $($arg,)* R>(closure: F) -> F {
            closure
        }
    )*};
}

once_by_arity! {
    __once0();
    __once1(A1);
    __once2(A1, A2);
    __once3(A1, A2, A3);
    __once4(A1, A2, A3, A4);
    __once5(A1, A2, A3, A4, A5);
    __once6(A1, A2, A3, A4, A5, A6);
    __once7(A1, A2, A3, A4, A5, A6, A7);
    __once8(A1, A2, A3, A4, A5, A6, A7, A8);
    __once9(A1, A2, A3, A4, A5, A6, A7, A8, A9);
    __once10(A1, A2, A3, A4, A5, A6, A7, A8, A9, A10);
    __once11(A1, A2, A3, A4, A5, A6, A7, A8, A9, A10, A11);
    __once12(A1, A2, A3, A4, A5, A6, A7, A8, A9, A10, A11, A12);
}

/// The largest parameter count of a closure [`__once0`]'s family takes.
#[doc(hidden)]
pub const __ONCE_MAX_ARITY: usize = 12;

/// A value of any type, for the guarded assignments of a check copy. Never called.
#[doc(hidden)]
pub fn __any<T>() -> T {
    loop {}
}

/// A value of the type of the place `_` points to: the shadow local a check copy uses for a
/// place of a capture it may not rebind whole (`let mut s = __shadow(addr_of!(p.a));`, see
/// the lowering's `check_copy.rs`). Never called.
#[doc(hidden)]
pub fn __shadow<T>(_: *const T) -> T {
    loop {}
}

/// In a check copy, a `yield` whose operand has a type of its own (a closure, a nested
/// generator: no two such expressions share a type, so the copy's could not be the item type
/// the real body yields) evaluates the operand through this instead of `yield_`. Never called.
#[doc(hidden)]
pub fn __consume<T>(_value: T) {}

/// Not public API. `$e.await`, spelt here for code lowered in edition 2015, where `await` is an
/// identifier: tokens keep the edition of the crate that wrote them, and this crate's is 2021.
#[doc(hidden)]
#[macro_export]
macro_rules! __await {
    ($e:expr) => {
        $e.await
    };
}

/// Not public API. `async [move] { BODY }`, spelt here for code lowered in edition 2015, where
/// `async` is an identifier (see [`__await!`]).
#[doc(hidden)]
#[macro_export]
macro_rules! __async {
    (move { $($body:tt)* }) => {
        async move { $($body)* }
    };
    ({ $($body:tt)* }) => {
        async { $($body)* }
    };
}

/// Not public API. The loop a `for await` becomes (see `yieldc_lower`'s `lower_for_await`).
///
/// The macros only put the parts in order: the lowering passes the label and the pattern where
/// the user wrote them, before the iterable, so that they stay on their own lines. Every token a
/// diagnostic can point at comes from the invocation, with the span the lowering gave it: the
/// names (so they resolve across the parts: no hygiene), the `IntoAsyncIterator` call, the
/// `for` head, the `.await`, and the braces of the loop's body (so the `for` loop's span is the
/// header's, as in E0571). The body group holds `__for_await_bind!`, which binds the pattern
/// and runs the block; [`__for_await_src!`] takes the iterable out of the same group.
#[doc(hidden)]
#[macro_export]
macro_rules! __for_await {
    (
        [$($label:tt)*] [$source:ident] [$($into:tt)*] [$iter:ident] [$($head:tt)*] $body:tt
    ) => {
        match $crate::__for_await_src!($body) {
            $source => match $($into)* {
                mut $iter => {
                    let mut $iter = ::core::pin::pin!($iter);
                    $($label)* $($head)* $body
                }
            }
        }
    };
}

/// Not public API. The iterable of a [`__for_await!`] body group.
#[doc(hidden)]
#[macro_export]
macro_rules! __for_await_src {
    ({ :: yieldc_rt :: __for_await_bind ! { [$($pat:tt)*] [$src:expr] $($rest:tt)* } }) => {
        $src
    };
}

/// Not public API. The statements of a [`__for_await!`] loop: binds the next item to the
/// pattern (or leaves the loop), then runs the block. The iterable is skipped: it is evaluated
/// once, before the loop.
#[doc(hidden)]
#[macro_export]
macro_rules! __for_await_bind {
    ([$pat:pat] [$($src:tt)*] [$($next:tt)*] $body:block) => {
        let $pat = match $($next)* {
            ::core::option::Option::Some(__yieldc_item) => __yieldc_item,
            ::core::option::Option::None => break,
        };
        $body
    };
}

/// Not public API. Creates the key and handle of a sync generator, at the generator's source
/// location (which is where a resumption after a panic is reported, as on nightly).
///
/// The `unsafe` block is the lowering's promise: if the key builds an inline [`Gen`], the
/// body holds no borrow of its own state across a `yield` (proven by the check copy).
#[doc(hidden)]
#[macro_export]
macro_rules! __gen_parts {
    () => {{
        // A body whose every `yield` diverges (`yield return;`) has the item type `!` by
        // fallback, which edition 2024 denies flowing into an `unsafe fn` (nightly's body has
        // no such call): allowed on the statement.
        #[allow(never_type_fallback_flowing_into_unsafe)]
        // SAFETY: see the macro's documentation; only the yieldc lowering invokes it.
        let parts = unsafe {
            $crate::__private::gen_parts(|refused: $crate::Refused| {
                let _ = refused;
                ::core::panic!("`gen fn` should just keep returning `None` after panicking")
            })
        };
        parts
    }};
}

/// Not public API. As [`__gen_parts!`], for `async gen`.
#[doc(hidden)]
#[macro_export]
macro_rules! __async_gen_parts {
    () => {
        $crate::__private::async_gen_parts(|refused: $crate::Refused| {
            let _ = refused;
            ::core::panic!("`async gen fn` resumed after panicking")
        })
    };
}

/// Not public API. As [`__gen_parts!`], for `#[coroutine]` closures; the promise covers
/// [`Coro`], the inline movable representation.
#[doc(hidden)]
#[macro_export]
macro_rules! __coroutine_parts {
    () => {{
        // See `__gen_parts!` for the `allow`.
        #[allow(never_type_fallback_flowing_into_unsafe)]
        // SAFETY: see `__gen_parts!`; only the yieldc lowering invokes it.
        let parts = unsafe {
            $crate::__private::coroutine_parts(|refused: $crate::Refused| match refused {
                $crate::Refused::AfterCompletion => {
                    ::core::panic!("coroutine resumed after completion")
                }
                $crate::Refused::AfterPanic => ::core::panic!("coroutine resumed after panicking"),
            })
        };
        parts
    }};
}

/// Not public API. Builds a whole sync generator from one invocation, so that the lowered text
/// can start at the `gen` keyword's column (the location nightly reports a resumption after a
/// panic at). `$co` names the handle the body uses (passed in: macro hygiene).
///
/// ```text
/// ::yieldc_rt::__gen!(__yieldc_co, inline, async move { let __yieldc_co = __yieldc_co; BODY' })
/// ```
/// `inline` builds a [`Gen`] (the `unsafe` is the lowering's promise that the check copy proved
/// the body), `boxed` a [`BoxedGen`].
#[doc(hidden)]
#[macro_export]
macro_rules! __gen {
    ($co:ident, inline, $body:expr) => {
        $crate::Gen::__from_parts(match $crate::__gen_parts!() {
            (__yieldc_key, $co) => (__yieldc_key, $body),
        })
    };
    ($co:ident, boxed, $body:expr) => {
        $crate::BoxedGen::__from_parts(match $crate::__gen_parts!() {
            (__yieldc_key, $co) => (__yieldc_key, $body),
        })
    };
}

/// Not public API. As [`__gen!`], for `async gen`.
#[doc(hidden)]
#[macro_export]
macro_rules! __async_gen {
    ($co:ident, $body:expr) => {
        $crate::AsyncGen::__from_parts(match $crate::__async_gen_parts!() {
            (__yieldc_key, $co) => (__yieldc_key, $body),
        })
    };
}

/// Not public API. As [`__gen!`], for `#[coroutine]` closures: `inline` ([`Coro`]), `boxed`
/// ([`BoxedCoro`]) or `static` ([`StaticCoro`]).
#[doc(hidden)]
#[macro_export]
macro_rules! __coroutine {
    ($co:ident, inline, $body:expr) => {
        $crate::Coro::__from_parts(match $crate::__coroutine_parts!() {
            (__yieldc_key, $co) => (__yieldc_key, $body),
        })
    };
    ($co:ident, boxed, $body:expr) => {
        $crate::BoxedCoro::__from_parts(match $crate::__coroutine_parts!() {
            (__yieldc_key, $co) => (__yieldc_key, $body),
        })
    };
    ($co:ident, static, $body:expr) => {
        $crate::StaticCoro::__from_parts(match $crate::__coroutine_parts!() {
            (__yieldc_key, $co) => (__yieldc_key, $body),
        })
    };
}

#[doc(hidden)]
pub mod __private {
    use core::marker::PhantomData;

    use crate::{AsyncCoToken, AsyncGenKey, Co, CoroutineKey, GenCo, GenKey, Refused};

    /// # Safety
    /// If the key builds an inline [`crate::Gen`], the body must hold no borrow of its own
    /// state across a `yield`.
    #[inline(always)]
    pub unsafe fn gen_parts<T, P: Fn(Refused)>(on_refused: P) -> (GenKey<T, P>, GenCo<T>) {
        (
            GenKey {
                on_refused,
                _item: PhantomData,
            },
            GenCo::new(),
        )
    }

    /// # Safety
    /// If the key builds an inline [`crate::Coro`], the body must hold no borrow of its own
    /// state across a `yield`.
    #[inline(always)]
    pub unsafe fn coroutine_parts<Y, R, P: Fn(Refused)>(
        on_refused: P,
    ) -> (CoroutineKey<Y, R, P>, Co<Y, R>) {
        (
            CoroutineKey {
                on_refused,
                _types: PhantomData,
            },
            Co::new(),
        )
    }

    /// Async generators are pinned: nothing to promise.
    #[inline(always)]
    pub fn async_gen_parts<T, P: Fn(Refused)>(
        on_refused: P,
    ) -> (AsyncGenKey<T, P>, AsyncCoToken<T>) {
        (
            AsyncGenKey {
                on_refused,
                _item: PhantomData,
            },
            AsyncCoToken { _item: PhantomData },
        )
    }
}
