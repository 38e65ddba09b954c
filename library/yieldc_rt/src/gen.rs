//! Sync generators: what `gen {}`, `gen move {}` and `gen fn` lower to.
//!
//! ```text
//! gen move { BODY }   ==>   {
//!     let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__gen_parts!();
//!     ::yieldc_rt::Gen::new(__yieldc_key, async move { let __yieldc_co = __yieldc_co; BODY' })
//! }
//! ```
//! where `BODY'` has every `yield e` replaced by `__yieldc_co.yield_(e).await`. [`Gen`] stores
//! the body inline (no allocation) and may only be used when the check copy proved that no
//! borrow crosses a `yield`; [`BoxedGen`] pins the body on the heap and is sound for any body.

use core::future::Future;
use core::iter::FusedIterator;
use core::marker::PhantomData;

use crate::machine::{Machine, Refused};
use crate::CoroutineState;

/// What [`crate::__gen_parts`] creates: ties the item type to the handle and carries the panic
/// closure made at the generator's source location.
pub struct GenKey<T, P> {
    pub(crate) on_refused: P,
    pub(crate) _item: PhantomData<fn(T) -> T>,
}

/// A sync generator whose body is stored inline. `Iterator + FusedIterator`, no allocation.
#[must_use = "coroutines are lazy and do nothing unless resumed"]
pub struct Gen<T, F, P> {
    machine: Machine<F>,
    on_refused: P,
    _item: PhantomData<fn() -> T>,
}

// A gen block is `Unpin` on nightly; ours is too, for the reason `next` may move the body
// between resumptions: the check copy proved that the suspended body holds no pointer into
// itself. (Pinning adds nothing: `next(&mut self)` already lets its owner move it.)
impl<T, F, P> Unpin for Gen<T, F, P> {}

impl<T, F, P> Gen<T, F, P>
where
    F: Future<Output = ()>,
    P: Fn(Refused),
{
    /// [`Self::new`] on the parts as one value: the runtime's generator macros pass
    /// `match __parts!() { (key, co) => (key, body) }`, so that the call, not a `match` arm, is
    /// the expression the caller wrote, and rustc's type errors on it read as on any call
    /// (`expected due to this`, `arguments to this function are incorrect`).
    #[doc(hidden)]
    #[inline(always)]
    pub fn __from_parts(parts: (GenKey<T, P>, F)) -> Self {
        Self::new(parts.0, parts.1)
    }

    /// Wraps a lowered body. The key comes from the unsafe `__gen_parts!()`, whose caller
    /// promised that the body holds no borrow of its own state across a `yield`.
    #[inline(always)]
    pub fn new(key: GenKey<T, P>, body: F) -> Self {
        Gen {
            machine: Machine::new(body),
            on_refused: key.on_refused,
            _item: PhantomData,
        }
    }
}

impl<T, F, P> Iterator for Gen<T, F, P>
where
    F: Future<Output = ()>,
    P: Fn(Refused),
{
    type Item = T;

    // Always inlined: the generator's step is no frame of its own in a backtrace (nightly's
    // is the body itself, called from the caller's frame).
    #[inline(always)]
    fn next(&mut self) -> Option<T> {
        // SAFETY: a `Gen` is only built from a `GenKey`, which only the unsafe `__gen_parts!()`
        // makes; its caller (the lowering) promised that the body never holds a borrow of its
        // own state across a `yield` (proven by the check copy), so the state contains no
        // pointer into itself whenever it is suspended, and moving it between resumptions is
        // sound. See design-notes/inline-soundness.md.
        match unsafe { self.machine.resume::<T, ()>(()) } {
            Ok(CoroutineState::Yielded(item)) => Some(item),
            Ok(CoroutineState::Complete(())) | Err(Refused::AfterCompletion) => None,
            Err(Refused::AfterPanic) => {
                (self.on_refused)(Refused::AfterPanic);
                panic_closure_returned()
            }
        }
    }
}

impl<T, F, P> FusedIterator for Gen<T, F, P>
where
    F: Future<Output = ()>,
    P: Fn(Refused),
{
}

/// Never usable on stable (an `async` body is never `Clone`), but present so that `.clone()` on
/// a generator is nightly's E0277 (unsatisfied `Clone` bound; nightly clones generators only
/// under `coroutine_clone`), not E0599.
impl<T, F: Clone, P: Clone> Clone for Gen<T, F, P> {
    fn clone(&self) -> Self {
        Gen {
            machine: self.machine.clone(),
            on_refused: self.on_refused.clone(),
            _item: PhantomData,
        }
    }
}

#[cold]
#[inline(never)]
pub(crate) fn panic_closure_returned() -> ! {
    panic!("yieldc internal error: a generator's panic closure returned")
}

/// A sync generator whose body is pinned on the heap: sound for every body, including ones
/// that borrow their own locals across a `yield`.
#[cfg(feature = "alloc")]
#[must_use = "coroutines are lazy and do nothing unless resumed"]
pub struct BoxedGen<T, F, P> {
    machine: core::pin::Pin<alloc::boxed::Box<Machine<F>>>,
    on_refused: P,
    _item: PhantomData<fn() -> T>,
}

#[cfg(feature = "alloc")]
impl<T, F, P> BoxedGen<T, F, P>
where
    F: Future<Output = ()>,
    P: Fn(Refused),
{
    /// [`Self::new`] on the parts as one value: the runtime's generator macros pass
    /// `match __parts!() { (key, co) => (key, body) }`, so that the call, not a `match` arm, is
    /// the expression the caller wrote, and rustc's type errors on it read as on any call
    /// (`expected due to this`, `arguments to this function are incorrect`).
    #[doc(hidden)]
    #[inline(always)]
    pub fn __from_parts(parts: (GenKey<T, P>, F)) -> Self {
        Self::new(parts.0, parts.1)
    }

    /// Wraps a lowered body, pinning it on the heap.
    pub fn new(key: GenKey<T, P>, body: F) -> Self {
        BoxedGen {
            machine: alloc::boxed::Box::pin(Machine::new(body)),
            on_refused: key.on_refused,
            _item: PhantomData,
        }
    }
}

#[cfg(feature = "alloc")]
impl<T, F, P> Iterator for BoxedGen<T, F, P>
where
    F: Future<Output = ()>,
    P: Fn(Refused),
{
    type Item = T;

    // Always inlined: the generator's step is no frame of its own in a backtrace (nightly's
    // is the body itself, called from the caller's frame).
    #[inline(always)]
    fn next(&mut self) -> Option<T> {
        // SAFETY: the machine (and the body in it) is pinned on the heap and never moved out
        // of its box; we only hand out this `&mut` for one resumption.
        let machine = unsafe { self.machine.as_mut().get_unchecked_mut() };
        // SAFETY: the body never moves: it lives in the pinned box until dropped.
        match unsafe { machine.resume::<T, ()>(()) } {
            Ok(CoroutineState::Yielded(item)) => Some(item),
            Ok(CoroutineState::Complete(())) | Err(Refused::AfterCompletion) => None,
            Err(Refused::AfterPanic) => {
                (self.on_refused)(Refused::AfterPanic);
                panic_closure_returned()
            }
        }
    }
}

#[cfg(feature = "alloc")]
impl<T, F, P> FusedIterator for BoxedGen<T, F, P>
where
    F: Future<Output = ()>,
    P: Fn(Refused),
{
}
