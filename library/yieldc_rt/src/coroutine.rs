//! General coroutines: stable mirrors of `core::ops::{Coroutine, CoroutineState}`, the types
//! that `#[coroutine]` closures lower to, and `core::iter::from_coroutine`.
//!
//! ```text
//! #[coroutine] move |r0| { BODY }   ==>   {
//!     let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__coroutine_parts!();
//!     ::yieldc_rt::Coro::new(__yieldc_key, async move {
//!         let __yieldc_co = __yieldc_co;
//!         let r0 = __yieldc_co.first_resume_arg().await;
//!         BODY'
//!     })
//! }
//! ```
//! `#[coroutine] static` closures lower to [`StaticCoro`] (pinned by the caller, self-borrows
//! allowed); movable ones to [`Coro`] when the check copy proved them, else [`BoxedCoro`].

use core::future::Future;
use core::marker::PhantomData;
use core::pin::Pin;

use crate::gen::panic_closure_returned;
use crate::machine::{Machine, Refused};

/// The result of a coroutine resumption (mirror of `core::ops::CoroutineState`).
#[derive(Clone, Copy, PartialEq, PartialOrd, Eq, Ord, Debug, Hash)]
pub enum CoroutineState<Y, R> {
    /// The coroutine suspended with a value.
    Yielded(Y),
    /// The coroutine completed with a return value.
    Complete(R),
}

/// The trait implemented by coroutines (mirror of `core::ops::Coroutine`).
pub trait Coroutine<R = ()> {
    /// The type of value this coroutine yields.
    type Yield;
    /// The type of value this coroutine returns.
    type Return;
    /// Resumes the execution of this coroutine.
    fn resume(self: Pin<&mut Self>, arg: R) -> CoroutineState<Self::Yield, Self::Return>;
}

impl<G: ?Sized + Coroutine<R>, R> Coroutine<R> for Pin<&mut G> {
    type Yield = G::Yield;
    type Return = G::Return;
    fn resume(mut self: Pin<&mut Self>, arg: R) -> CoroutineState<Self::Yield, Self::Return> {
        G::resume((*self).as_mut(), arg)
    }
}

impl<G: ?Sized + Coroutine<R> + Unpin, R> Coroutine<R> for &mut G {
    type Yield = G::Yield;
    type Return = G::Return;
    fn resume(mut self: Pin<&mut Self>, arg: R) -> CoroutineState<Self::Yield, Self::Return> {
        G::resume(Pin::new(&mut *self), arg)
    }
}

#[cfg(feature = "alloc")]
impl<G: ?Sized + Coroutine<R>, R> Coroutine<R> for Pin<alloc::boxed::Box<G>> {
    type Yield = G::Yield;
    type Return = G::Return;
    fn resume(mut self: Pin<&mut Self>, arg: R) -> CoroutineState<Self::Yield, Self::Return> {
        G::resume((*self).as_mut(), arg)
    }
}

#[cfg(feature = "alloc")]
impl<G: ?Sized + Coroutine<R> + Unpin, R> Coroutine<R> for alloc::boxed::Box<G> {
    type Yield = G::Yield;
    type Return = G::Return;
    fn resume(mut self: Pin<&mut Self>, arg: R) -> CoroutineState<Self::Yield, Self::Return> {
        G::resume(Pin::new(&mut **self), arg)
    }
}

/// What [`crate::__coroutine_parts`] creates (see [`crate::GenKey`]).
pub struct CoroutineKey<Y, R, P> {
    pub(crate) on_refused: P,
    // Invariant, as `Co` (see there).
    pub(crate) _types: PhantomData<fn(Y, R) -> (Y, R)>,
}

#[inline(always)]
fn finish<Y, T, P: Fn(Refused)>(
    state: Result<CoroutineState<Y, T>, Refused>,
    on_refused: &P,
) -> CoroutineState<Y, T> {
    match state {
        Ok(state) => state,
        Err(refused) => {
            on_refused(refused);
            panic_closure_returned()
        }
    }
}

/// A movable coroutine stored inline: `Unpin`, no allocation; used when the check copy proved
/// that no borrow crosses a `yield` (nightly rejects such borrows in movable coroutines too).
#[must_use = "coroutines are lazy and do nothing unless resumed"]
pub struct Coro<Y, R, F, P> {
    machine: Machine<F>,
    on_refused: P,
    _types: PhantomData<fn(R) -> Y>,
}

impl<Y, R, F: Future, P: Fn(Refused)> Coro<Y, R, F, P> {
    /// [`Self::new`] on the parts as one value: the runtime's generator macros pass
    /// `match __parts!() { (key, co) => (key, body) }`, so that the call, not a `match` arm, is
    /// the expression the caller wrote, and rustc's type errors on it read as on any call
    /// (`expected due to this`, `arguments to this function are incorrect`).
    #[doc(hidden)]
    #[inline(always)]
    pub fn __from_parts(parts: (CoroutineKey<Y, R, P>, F)) -> Self {
        Self::new(parts.0, parts.1)
    }

    /// Wraps a lowered body (see the module docs).
    #[inline(always)]
    pub fn new(key: CoroutineKey<Y, R, P>, body: F) -> Self {
        Coro {
            machine: Machine::new(body),
            on_refused: key.on_refused,
            _types: PhantomData,
        }
    }
}

// A movable coroutine is `Unpin` on nightly; ours is too because the body is proven movable.
impl<Y, R, F, P> Unpin for Coro<Y, R, F, P> {}

impl<Y, R, F: Future, P: Fn(Refused)> Coroutine<R> for Coro<Y, R, F, P> {
    type Yield = Y;
    type Return = F::Output;

    // Always inlined: the generator's step is no frame of its own in a backtrace (nightly's
    // is the body itself, called from the caller's frame).
    #[inline(always)]
    fn resume(self: Pin<&mut Self>, arg: R) -> CoroutineState<Y, F::Output> {
        let this = self.get_mut();
        // SAFETY: a `Coro` is only built from a `CoroutineKey`, which only the unsafe
        // `__coroutine_parts!()` makes; its caller (the lowering) promised the body holds no
        // borrow of its own state across a `yield` (check copy), so moving it is sound.
        let state = unsafe { this.machine.resume::<Y, R>(arg) };
        finish(state, &this.on_refused)
    }
}

/// A `static` coroutine: resumed through `Pin<&mut Self>`, so its body never moves and may
/// borrow its own locals across a `yield`. Stored inline, no allocation. `!Unpin` because its
/// body is (an `async` block), as nightly's static coroutines are, and for no other reason: it
/// holds no pointer into itself, so a body that is `Unpin` may move.
#[must_use = "coroutines are lazy and do nothing unless resumed"]
pub struct StaticCoro<Y, R, F, P> {
    machine: Machine<F>,
    on_refused: P,
    _types: PhantomData<fn(R) -> Y>,
}

impl<Y, R, F: Future, P: Fn(Refused)> StaticCoro<Y, R, F, P> {
    /// [`Self::new`] on the parts as one value: the runtime's generator macros pass
    /// `match __parts!() { (key, co) => (key, body) }`, so that the call, not a `match` arm, is
    /// the expression the caller wrote, and rustc's type errors on it read as on any call
    /// (`expected due to this`, `arguments to this function are incorrect`).
    #[doc(hidden)]
    #[inline(always)]
    pub fn __from_parts(parts: (CoroutineKey<Y, R, P>, F)) -> Self {
        Self::new(parts.0, parts.1)
    }

    /// Wraps a lowered body (see the module docs).
    #[inline(always)]
    pub fn new(key: CoroutineKey<Y, R, P>, body: F) -> Self {
        StaticCoro {
            machine: Machine::new(body),
            on_refused: key.on_refused,
            _types: PhantomData,
        }
    }
}

impl<Y, R, F: Future, P: Fn(Refused)> Coroutine<R> for StaticCoro<Y, R, F, P> {
    type Yield = Y;
    type Return = F::Output;

    // Always inlined: the generator's step is no frame of its own in a backtrace (nightly's
    // is the body itself, called from the caller's frame).
    #[inline(always)]
    fn resume(self: Pin<&mut Self>, arg: R) -> CoroutineState<Y, F::Output> {
        // SAFETY: we never move out of `this`; the machine is structurally pinned.
        let this = unsafe { self.get_unchecked_mut() };
        // SAFETY: `self` is pinned, so the body stays at this address until it is dropped
        // (or the body is `Unpin`, and moving it is sound).
        let state = unsafe { this.machine.resume::<Y, R>(arg) };
        finish(state, &this.on_refused)
    }
}

/// A movable coroutine whose body is pinned on the heap: `Unpin` and sound for any body.
#[cfg(feature = "alloc")]
#[must_use = "coroutines are lazy and do nothing unless resumed"]
pub struct BoxedCoro<Y, R, F, P> {
    machine: Pin<alloc::boxed::Box<Machine<F>>>,
    on_refused: P,
    _types: PhantomData<fn(R) -> Y>,
}

#[cfg(feature = "alloc")]
impl<Y, R, F: Future, P: Fn(Refused)> BoxedCoro<Y, R, F, P> {
    /// [`Self::new`] on the parts as one value: the runtime's generator macros pass
    /// `match __parts!() { (key, co) => (key, body) }`, so that the call, not a `match` arm, is
    /// the expression the caller wrote, and rustc's type errors on it read as on any call
    /// (`expected due to this`, `arguments to this function are incorrect`).
    #[doc(hidden)]
    #[inline(always)]
    pub fn __from_parts(parts: (CoroutineKey<Y, R, P>, F)) -> Self {
        Self::new(parts.0, parts.1)
    }

    /// Wraps a lowered body, pinning it on the heap.
    pub fn new(key: CoroutineKey<Y, R, P>, body: F) -> Self {
        BoxedCoro {
            machine: alloc::boxed::Box::pin(Machine::new(body)),
            on_refused: key.on_refused,
            _types: PhantomData,
        }
    }
}

#[cfg(feature = "alloc")]
impl<Y, R, F, P> Unpin for BoxedCoro<Y, R, F, P> {}

#[cfg(feature = "alloc")]
impl<Y, R, F: Future, P: Fn(Refused)> Coroutine<R> for BoxedCoro<Y, R, F, P> {
    type Yield = Y;
    type Return = F::Output;

    // Always inlined: the generator's step is no frame of its own in a backtrace (nightly's
    // is the body itself, called from the caller's frame).
    #[inline(always)]
    fn resume(self: Pin<&mut Self>, arg: R) -> CoroutineState<Y, F::Output> {
        let this = self.get_mut();
        // SAFETY: the machine lives in the pinned box and is never moved out of it.
        let machine = unsafe { this.machine.as_mut().get_unchecked_mut() };
        // SAFETY: the body never moves: it lives in the pinned box until dropped.
        let state = unsafe { machine.resume::<Y, R>(arg) };
        finish(state, &this.on_refused)
    }
}

/// An iterator over the values yielded by a coroutine (mirror of `core::iter::from_coroutine`).
/// Not fused: calling `next` after `None` resumes a finished coroutine, which panics.
pub fn from_coroutine<G: Coroutine<Return = ()> + Unpin>(coroutine: G) -> FromCoroutine<G> {
    FromCoroutine(coroutine)
}

/// The iterator returned by [`from_coroutine`].
#[derive(Clone)]
pub struct FromCoroutine<G>(G);

impl<G: Coroutine<Return = ()> + Unpin> Iterator for FromCoroutine<G> {
    type Item = G::Yield;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        match Pin::new(&mut self.0).resume(()) {
            CoroutineState::Yielded(item) => Some(item),
            CoroutineState::Complete(()) => None,
        }
    }
}

impl<G> core::fmt::Debug for FromCoroutine<G> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("FromCoroutine").finish()
    }
}
