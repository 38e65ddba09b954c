//! Hand-off mechanisms for generators built on `async` state machines.
//!
//! A sync generator `gen { .. yield v .. }` is lowered on stable Rust to an
//! `async` block that is polled by `Iterator::next`; `yield v` becomes
//! `.await` on a *yield future* that deposits `v` somewhere `next()` can find
//! it and returns `Pending` once. This crate implements the candidate
//! "somewhere"s so that `benches/context_structure.rs` can time them side by
//! side. See `design-notes/context-structure.md` in the yieldc repository.
//!
//! | module            | where the value goes                                   | toolchain |
//! |-------------------|--------------------------------------------------------|-----------|
//! | [`waker_data`]    | slot on `next()`'s stack, address in `Waker::data()`   | stable    |
//! | [`waker_data_checked`] | same, plus yieldc_rt's Context-identity and type checks | stable |
//! | [`thread_local`]  | slot on `next()`'s stack, address in a `thread_local!` | stable    |
//! | [`pinned`]        | slot is a field of the pinned generator                | stable    |
//! | [`context_ext`]   | slot on `next()`'s stack, passed as `Context::ext`     | nightly   |
//! | [`async_gen`]     | async generators + `Waker` vs `LocalWaker` executors   | nightly   |
//!
//! # The contract every constructor here shares
//!
//! The constructors are `unsafe fn`s. In yieldc the caller is the lowering,
//! which guarantees two things that this benchmark crate cannot express in the
//! type system:
//!
//! 1. **Yield handles stay home.** The `Co<T>` handle given to the body is
//!    only ever used by `.await`ing `co.yield_(v)` *directly* in that body
//!    (never inside a nested future, closure or generator, never moved out).
//!    In yieldc the handle is not nameable by user code at all.
//! 2. **No borrows across yields** (the same rule nightly's `gen` blocks
//!    enforce with E0626). The movable generators ([`waker_data`],
//!    [`thread_local`], [`context_ext`]) poll their body in place without a
//!    pin, i.e. the body may be moved between two polls; that is only
//!    harmless because the state machine then holds no pointer into itself.
#![feature(context_ext, local_waker)]
#![deny(unsafe_op_in_unsafe_fn)]
#![warn(clippy::undocumented_unsafe_blocks)]

use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

/// Outcome of one resumption of a generator body.
#[inline(always)]
fn finish<T>(polled: Poll<()>, slot: Option<T>, done: &mut bool) -> Option<T> {
    match polled {
        Poll::Ready(()) => {
            *done = true;
            None
        }
        Poll::Pending => Some(slot.expect(
            "sync generator body returned Pending without yielding (awaited a non-yield future)",
        )),
    }
}

// ---------------------------------------------------------------------------
// 1. Waker data pointer
// ---------------------------------------------------------------------------

/// Mechanism 1: `next()` builds a `Waker` whose data pointer is the address
/// of an `Option<T>` on its own stack; the yield future checks the vtable and
/// writes through `cx.waker().data()`.
pub mod waker_data {
    use super::*;
    use core::marker::PhantomData;
    use core::ptr;
    use core::task::{RawWaker, RawWakerVTable, Waker};

    /// The vtable that marks "this waker's data pointer is a yield slot".
    /// A `static` (not a `const`) so that it has one address to compare with.
    pub static VTABLE: RawWakerVTable = RawWakerVTable::new(clone, noop, noop, noop);

    /// A clone must not carry the stack address out of `next()`: hand out a
    /// no-op waker instead. (A sync generator has nobody to wake.)
    fn clone(_data: *const ()) -> RawWaker {
        let noop = Waker::noop();
        RawWaker::new(noop.data(), noop.vtable())
    }
    fn noop(_data: *const ()) {}

    /// Yield handle (see the crate-level contract).
    pub struct Co<T>(PhantomData<fn(T)>);

    impl<T> Co<T> {
        #[inline(always)]
        pub fn yield_(&self, value: T) -> Yield<T> {
            Yield(Some(value))
        }
    }

    pub struct Yield<T>(Option<T>);
    impl<T> Unpin for Yield<T> {}

    impl<T> Future for Yield<T> {
        type Output = ();
        #[inline(always)]
        fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
            match self.0.take() {
                None => Poll::Ready(()),
                Some(v) => {
                    let w = cx.waker();
                    assert!(
                        ptr::eq(w.vtable(), &VTABLE),
                        "yield future polled with a foreign Context"
                    );
                    let slot = w.data() as *mut Option<T>;
                    // SAFETY: only `WakerGen::next` creates wakers with
                    // `VTABLE`, and it sets `data` to `&mut Option<T>` on its
                    // own stack, which is live for the whole poll that is
                    // running us. The element type is `T` because the handle
                    // was created by a `WakerGen<T, _>` and, by the
                    // constructor's contract, is awaited only by that
                    // generator's body. Nothing else accesses the slot during
                    // the poll.
                    unsafe { *slot = Some(v) };
                    Poll::Pending
                }
            }
        }
    }

    /// A movable sync generator (implements `Iterator` by value).
    pub struct WakerGen<T, F> {
        fut: F,
        done: bool,
        _t: PhantomData<fn() -> T>,
    }

    impl<T, F: Future<Output = ()>> WakerGen<T, F> {
        /// # Safety
        /// The crate-level contract: `co` is only awaited directly in the
        /// body, and the body holds no borrows across yields (it is moved
        /// between polls). Use `|co| Box::pin(async move { .. })` to lift the
        /// second requirement.
        #[inline(always)]
        pub unsafe fn new(body: impl FnOnce(Co<T>) -> F) -> Self {
            WakerGen {
                fut: body(Co(PhantomData)),
                done: false,
                _t: PhantomData,
            }
        }
    }

    impl<T, F: Future<Output = ()>> Iterator for WakerGen<T, F> {
        type Item = T;
        #[inline(always)]
        fn next(&mut self) -> Option<T> {
            if self.done {
                return None;
            }
            let mut slot: Option<T> = None;
            let raw = RawWaker::new(ptr::addr_of_mut!(slot) as *const (), &VTABLE);
            // SAFETY: none of VTABLE's functions dereferences `data`, and
            // `clone` returns an unrelated no-op waker, so the RawWaker
            // contract holds for any data pointer and no copy of the stack
            // address can outlive this call.
            let waker = unsafe { Waker::from_raw(raw) };
            let mut cx = Context::from_waker(&waker);
            // SAFETY: `self.fut` is never moved *during* a poll. Between polls
            // it may move with `self`; by the constructor's contract the body
            // holds no borrows across yields, so there is no self-pointer for
            // such a move to invalidate.
            let fut = unsafe { Pin::new_unchecked(&mut self.fut) };
            let polled = fut.poll(&mut cx);
            drop(waker);
            finish(polled, slot, &mut self.done)
        }
    }
}

/// Mechanism 1 with the full set of run-time checks that yieldc_rt's sync
/// resumption performs on every yield: the vtable is ours, the `Context` is
/// the very one `next()` built (pointer equality, so we are inside that poll),
/// and the slot's element type matches (`TypeId`; yieldc_rt uses a
/// lifetime-erased id, this crate simply requires `T: 'static`).
pub mod waker_data_checked {
    use super::*;
    use core::any::TypeId;
    use core::marker::PhantomData;
    use core::ptr;
    use core::task::{RawWaker, RawWakerVTable, Waker};

    pub static VTABLE: RawWakerVTable = RawWakerVTable::new(clone, noop, noop, noop);
    fn clone(_data: *const ()) -> RawWaker {
        let noop = Waker::noop();
        RawWaker::new(noop.data(), noop.vtable())
    }
    fn noop(_data: *const ()) {}

    #[repr(C)]
    struct Header {
        context: *const (),
        type_id: TypeId,
    }
    /// `repr(C)`: a pointer to the slot is a pointer to its header for all `T`.
    #[repr(C)]
    struct Slot<T> {
        header: Header,
        value: Option<T>,
    }

    pub struct Co<T>(PhantomData<fn(T)>);
    impl<T: 'static> Co<T> {
        #[inline(always)]
        pub fn yield_(&self, value: T) -> Yield<T> {
            Yield(Some(value))
        }
    }

    pub struct Yield<T>(Option<T>);
    impl<T> Unpin for Yield<T> {}

    #[cold]
    #[inline(never)]
    fn foreign() -> ! {
        panic!("yield future polled with a foreign Context")
    }

    impl<T: 'static> Future for Yield<T> {
        type Output = ();
        #[inline(always)]
        fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
            let Some(v) = self.0.take() else {
                return Poll::Ready(());
            };
            let w = cx.waker();
            if !ptr::eq(w.vtable(), &VTABLE) {
                foreign();
            }
            let slot = w.data() as *mut Slot<T>;
            // SAFETY: the vtable is ours, so `data` is a live `Slot<_>` on the
            // stack of the `next()` that is polling; its header sits at offset
            // 0 whatever the element type is (`repr(C)`), and it is not
            // written while the body runs.
            let header = unsafe { &*(slot as *const Header) };
            if header.context != cx as *const Context<'_> as *const ()
                || header.type_id != TypeId::of::<T>()
            {
                foreign();
            }
            // SAFETY: the checks above establish that this is the slot of
            // the resumption polling us, and that it holds an `Option<T>`.
            unsafe { (*slot).value = Some(v) };
            Poll::Pending
        }
    }

    pub struct CheckedGen<T, F> {
        fut: F,
        done: bool,
        _t: PhantomData<fn() -> T>,
    }

    impl<T: 'static, F: Future<Output = ()>> CheckedGen<T, F> {
        /// # Safety
        /// Only the "no borrows across yields" half of the crate-level
        /// contract: a misplaced handle is caught by the run-time checks.
        #[inline(always)]
        pub unsafe fn new(body: impl FnOnce(Co<T>) -> F) -> Self {
            CheckedGen {
                fut: body(Co(PhantomData)),
                done: false,
                _t: PhantomData,
            }
        }
    }

    impl<T: 'static, F: Future<Output = ()>> Iterator for CheckedGen<T, F> {
        type Item = T;
        #[inline(always)]
        fn next(&mut self) -> Option<T> {
            if self.done {
                return None;
            }
            let mut slot = Slot::<T> {
                header: Header {
                    context: ptr::null(),
                    type_id: TypeId::of::<T>(),
                },
                value: None,
            };
            let slot_ptr = ptr::addr_of_mut!(slot);
            // SAFETY: as in `waker_data::WakerGen::next`: the vtable never
            // dereferences `data` and clones do not carry it.
            let waker = unsafe { Waker::from_raw(RawWaker::new(slot_ptr as *const (), &VTABLE)) };
            let mut cx = Context::from_waker(&waker);
            // SAFETY: `slot_ptr` points to `slot`, alive and not borrowed.
            unsafe { (*slot_ptr).header.context = ptr::addr_of!(cx) as *const () };
            // SAFETY: as in `waker_data::WakerGen::next`.
            let fut = unsafe { Pin::new_unchecked(&mut self.fut) };
            let polled = fut.poll(&mut cx);
            drop(waker);
            // SAFETY: the body's accesses ended when `poll` returned.
            let value = unsafe { (*slot_ptr).value.take() };
            finish(polled, value, &mut self.done)
        }
    }
}

// ---------------------------------------------------------------------------
// 2. Thread-local
// ---------------------------------------------------------------------------

/// Mechanism 2: the slot address is published in a `thread_local!` cell for
/// the duration of the poll (saved and restored, so nesting works).
pub mod thread_local {
    use super::*;
    use core::cell::Cell;
    use core::marker::PhantomData;
    use core::ptr;
    use core::task::Waker;

    std::thread_local! {
        static SLOT: Cell<*mut ()> = const { Cell::new(ptr::null_mut()) };
    }

    pub struct Co<T>(PhantomData<fn(T)>);
    impl<T> Co<T> {
        #[inline(always)]
        pub fn yield_(&self, value: T) -> Yield<T> {
            Yield(Some(value))
        }
    }

    pub struct Yield<T>(Option<T>);
    impl<T> Unpin for Yield<T> {}

    impl<T> Future for Yield<T> {
        type Output = ();
        #[inline(always)]
        fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> {
            match self.0.take() {
                None => Poll::Ready(()),
                Some(v) => {
                    let slot = SLOT.with(Cell::get) as *mut Option<T>;
                    assert!(!slot.is_null(), "yield outside a generator poll");
                    // SAFETY: `TlGen::next` publishes `&mut Option<T>` on its
                    // stack before polling and restores the previous value
                    // (also on unwind) before returning, so a non-null value
                    // seen during a poll is the innermost running generator's
                    // live slot; its type is `T` by the constructor contract
                    // (the handle is awaited only in its own body).
                    unsafe { *slot = Some(v) };
                    Poll::Pending
                }
            }
        }
    }

    /// Restores the previously published slot, also when the body panics.
    struct Restore(*mut ());
    impl Drop for Restore {
        #[inline(always)]
        fn drop(&mut self) {
            SLOT.with(|s| s.set(self.0));
        }
    }

    pub struct TlGen<T, F> {
        fut: F,
        done: bool,
        _t: PhantomData<fn() -> T>,
    }

    impl<T, F: Future<Output = ()>> TlGen<T, F> {
        /// # Safety
        /// The crate-level contract (see [`crate`]).
        #[inline(always)]
        pub unsafe fn new(body: impl FnOnce(Co<T>) -> F) -> Self {
            TlGen {
                fut: body(Co(PhantomData)),
                done: false,
                _t: PhantomData,
            }
        }
    }

    impl<T, F: Future<Output = ()>> Iterator for TlGen<T, F> {
        type Item = T;
        #[inline(always)]
        fn next(&mut self) -> Option<T> {
            if self.done {
                return None;
            }
            let mut slot: Option<T> = None;
            let prev = SLOT.with(|s| s.replace(ptr::addr_of_mut!(slot) as *mut ()));
            let restore = Restore(prev);
            let mut cx = Context::from_waker(Waker::noop());
            // SAFETY: as in `WakerGen::next`: never moved during a poll, and
            // the body holds no self-borrows across yields by contract.
            let fut = unsafe { Pin::new_unchecked(&mut self.fut) };
            let polled = fut.poll(&mut cx);
            drop(restore);
            finish(polled, slot, &mut self.done)
        }
    }
}

// ---------------------------------------------------------------------------
// 3. Pointer into the pinned generator
// ---------------------------------------------------------------------------

/// Mechanism 3: the slot is a field of the generator, which must be pinned;
/// on the first resume the body is created with a raw pointer to the slot.
pub mod pinned {
    use super::*;
    use core::marker::PhantomPinned;
    use core::ptr;
    use core::task::Waker;

    pub struct Co<T> {
        pub(crate) slot: *mut Option<T>,
    }
    impl<T> Co<T> {
        #[inline(always)]
        pub fn yield_(&self, value: T) -> Yield<T> {
            Yield {
                slot: self.slot,
                value: Some(value),
            }
        }
    }

    pub struct Yield<T> {
        slot: *mut Option<T>,
        value: Option<T>,
    }
    impl<T> Unpin for Yield<T> {}

    impl<T> Future for Yield<T> {
        type Output = ();
        #[inline(always)]
        fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> {
            match self.value.take() {
                None => Poll::Ready(()),
                Some(v) => {
                    // SAFETY: `slot` was taken from the pinned generator that
                    // owns the body awaiting us; the generator cannot move
                    // (pinned) and outlives its body (the body is a field of
                    // it), and it is inside `resume` now. The generator side
                    // only touches the slot through the same raw pointer,
                    // between polls.
                    unsafe { *self.slot = Some(v) };
                    Poll::Pending
                }
            }
        }
    }

    enum State<C, F> {
        Init(C),
        Running(F),
        Done,
    }

    pub struct PinGen<T, C, F> {
        slot: Option<T>,
        /// Null until the first resume binds it to `&slot`.
        slot_ptr: *mut Option<T>,
        state: State<C, F>,
        _pin: PhantomPinned,
    }

    impl<T, C: FnOnce(Co<T>) -> F, F: Future<Output = ()>> PinGen<T, C, F> {
        /// # Safety
        /// Yield-handle half of the crate-level contract: `co` is only awaited
        /// directly in the body. (No restriction on borrows across yields:
        /// this generator really is pinned.)
        #[inline(always)]
        pub unsafe fn new(body: C) -> Self {
            PinGen {
                slot: None,
                slot_ptr: ptr::null_mut(),
                state: State::Init(body),
                _pin: PhantomPinned,
            }
        }

        /// Runs the body to its next yield.
        #[inline(always)]
        pub fn resume(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Option<T> {
            // SAFETY: `state` is structurally pinned and is only ever
            // overwritten in the `Init` state (no future inside yet) or after
            // the future completed (assignment drops it in place); `slot` is
            // not structurally pinned. Nothing here moves out of `this`.
            let this = unsafe { self.get_unchecked_mut() };
            if let State::Init(_) = this.state {
                let State::Init(body) = core::mem::replace(&mut this.state, State::Done) else {
                    unreachable!()
                };
                this.slot_ptr = ptr::addr_of_mut!(this.slot);
                this.state = State::Running(body(Co {
                    slot: this.slot_ptr,
                }));
            }
            let State::Running(fut) = &mut this.state else {
                return None;
            };
            // SAFETY: `fut` lives in a pinned `PinGen` and is never moved
            // until it is dropped in place (see above).
            let polled = unsafe { Pin::new_unchecked(fut) }.poll(cx);
            // SAFETY: `slot_ptr` was bound above to `this.slot`, which has not
            // moved since (pinned). All slot accesses go through this one
            // pointer, and no poll is running now.
            let slot = unsafe { (*this.slot_ptr).take() };
            let mut done = false;
            let out = finish(polled, slot, &mut done);
            if done {
                this.state = State::Done;
            }
            out
        }
    }

    /// `Iterator` over a generator pinned on the stack.
    pub struct PinIter<'a, T, C, F>(pub Pin<&'a mut PinGen<T, C, F>>);

    impl<T, C: FnOnce(Co<T>) -> F, F: Future<Output = ()>> Iterator for PinIter<'_, T, C, F> {
        type Item = T;
        #[inline(always)]
        fn next(&mut self) -> Option<T> {
            self.0
                .as_mut()
                .resume(&mut Context::from_waker(Waker::noop()))
        }
    }

    /// Movable `Iterator`: pays one heap allocation per generator.
    pub struct BoxedPinGen<T, C, F>(pub Pin<Box<PinGen<T, C, F>>>);

    impl<T, C: FnOnce(Co<T>) -> F, F: Future<Output = ()>> Iterator for BoxedPinGen<T, C, F> {
        type Item = T;
        #[inline(always)]
        fn next(&mut self) -> Option<T> {
            self.0
                .as_mut()
                .resume(&mut Context::from_waker(Waker::noop()))
        }
    }
}

// ---------------------------------------------------------------------------
// 4. Context::ext (nightly)
// ---------------------------------------------------------------------------

/// Mechanism 4: the slot travels as `Context::ext` (`#![feature(context_ext)]`)
/// and the yield future downcasts it. The hand-off itself needs no `unsafe`;
/// the `Any` bound forces `T: 'static`.
pub mod context_ext {
    use super::*;
    use core::marker::PhantomData;
    use core::task::{ContextBuilder, Waker};

    pub struct Co<T>(PhantomData<fn(T)>);
    impl<T: 'static> Co<T> {
        #[inline(always)]
        pub fn yield_(&self, value: T) -> Yield<T> {
            Yield(Some(value))
        }
    }

    pub struct Yield<T>(Option<T>);
    impl<T> Unpin for Yield<T> {}

    impl<T: 'static> Future for Yield<T> {
        type Output = ();
        #[inline(always)]
        fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
            match self.0.take() {
                None => Poll::Ready(()),
                Some(v) => {
                    let slot = cx
                        .ext()
                        .downcast_mut::<Option<T>>()
                        .expect("yield future polled without its generator's Context::ext");
                    *slot = Some(v);
                    Poll::Pending
                }
            }
        }
    }

    pub struct ExtGen<T, F> {
        fut: F,
        done: bool,
        _t: PhantomData<fn() -> T>,
    }

    impl<T: 'static, F: Future<Output = ()>> ExtGen<T, F> {
        /// # Safety
        /// Only the "no borrows across yields" half of the crate-level
        /// contract (the body is moved between polls). A misplaced yield
        /// handle panics in the downcast instead of corrupting memory.
        #[inline(always)]
        pub unsafe fn new(body: impl FnOnce(Co<T>) -> F) -> Self {
            ExtGen {
                fut: body(Co(PhantomData)),
                done: false,
                _t: PhantomData,
            }
        }
    }

    impl<T: 'static, F: Future<Output = ()>> Iterator for ExtGen<T, F> {
        type Item = T;
        #[inline(always)]
        fn next(&mut self) -> Option<T> {
            if self.done {
                return None;
            }
            let mut slot: Option<T> = None;
            let polled = {
                let mut cx = ContextBuilder::from_waker(Waker::noop())
                    .ext(&mut slot)
                    .build();
                // SAFETY: as in `WakerGen::next`: never moved during a poll,
                // and the body holds no self-borrows across yields by contract.
                let fut = unsafe { Pin::new_unchecked(&mut self.fut) };
                fut.poll(&mut cx)
            };
            finish(polled, slot, &mut self.done)
        }
    }
}

// ---------------------------------------------------------------------------
// 5. Async generators: Waker (Arc) vs LocalWaker (Rc)
// ---------------------------------------------------------------------------

/// Async generators driven by a minimal single-threaded executor, once with
/// an `Arc`-based `Waker` and once with an `Rc`-based `LocalWaker`.
pub mod async_gen {
    use super::*;
    use core::cell::Cell;
    use core::ptr;
    use core::sync::atomic::{AtomicBool, Ordering};
    use core::task::{ContextBuilder, LocalWaker, RawWaker, RawWakerVTable, Waker};
    use std::hint::black_box;
    use std::rc::Rc;
    use std::sync::Arc;
    use std::task::{LocalWake, Wake};

    /// A `Stream`-like trait (kept local to avoid a `futures` dependency).
    pub trait PollNext {
        type Item;
        fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>>;
    }

    /// Returns `Pending` once and wakes its task by cloning the waker and
    /// waking the clone by value (the store-then-wake shape of a real leaf
    /// future). `LOCAL` selects `cx.local_waker()` over `cx.waker()`.
    pub struct PendingOnce<const LOCAL: bool>(bool);

    #[inline(always)]
    pub fn pending_once<const LOCAL: bool>() -> PendingOnce<LOCAL> {
        PendingOnce(false)
    }

    impl<const LOCAL: bool> Future for PendingOnce<LOCAL> {
        type Output = ();
        #[inline(always)]
        fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
            if self.0 {
                return Poll::Ready(());
            }
            self.0 = true;
            if LOCAL {
                let w: LocalWaker = cx.local_waker().clone();
                w.wake();
            } else {
                let w: Waker = cx.waker().clone();
                w.wake();
            }
            Poll::Pending
        }
    }

    // --- async generator, mechanism 3 (pinned slot) -----------------------

    /// Async generator whose yields use mechanism 3. `poll_next` passes the
    /// executor's `Context` through untouched.
    pub struct AsyncPinGen<T, C, F> {
        slot: Option<T>,
        slot_ptr: *mut Option<T>,
        state: Option<Result<F, C>>,
        _pin: core::marker::PhantomPinned,
    }

    impl<T, C: FnOnce(pinned::Co<T>) -> F, F: Future<Output = ()>> AsyncPinGen<T, C, F> {
        /// # Safety
        /// `co` is only awaited directly in the body.
        pub unsafe fn new(body: C) -> Self {
            AsyncPinGen {
                slot: None,
                slot_ptr: ptr::null_mut(),
                state: Some(Err(body)),
                _pin: core::marker::PhantomPinned,
            }
        }
    }

    impl<T, C: FnOnce(pinned::Co<T>) -> F, F: Future<Output = ()>> PollNext for AsyncPinGen<T, C, F> {
        type Item = T;
        #[inline(always)]
        fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {
            // SAFETY: `state` is structurally pinned; it is only overwritten
            // while it holds no future (`Err(body)`) or after the future
            // completed (dropped in place). Nothing is moved out of `this`.
            let this = unsafe { self.get_unchecked_mut() };
            if let Some(Err(_)) = this.state {
                let Some(Err(body)) = this.state.take() else {
                    unreachable!()
                };
                this.slot_ptr = ptr::addr_of_mut!(this.slot);
                this.state = Some(Ok(body(pinned::Co {
                    slot: this.slot_ptr,
                })));
            }
            let Some(Ok(fut)) = &mut this.state else {
                return Poll::Ready(None);
            };
            // SAFETY: `fut` lives in a pinned generator and is never moved
            // until dropped in place.
            let polled = unsafe { Pin::new_unchecked(fut) }.poll(cx);
            match polled {
                Poll::Ready(()) => {
                    this.state = None;
                    Poll::Ready(None)
                }
                // SAFETY: the slot pointer is bound to `this.slot`, which is
                // pinned; all slot accesses use this one pointer; no poll is
                // running now.
                Poll::Pending => match unsafe { (*this.slot_ptr).take() } {
                    Some(v) => Poll::Ready(Some(v)),
                    None => Poll::Pending, // a real await is pending
                },
            }
        }
    }

    // --- async generator, mechanism 1 with a forwarding waker --------------

    /// Frame on `poll_next`'s stack: the real waker first (fixed offset for
    /// the non-generic vtable functions), then the slot.
    #[repr(C)]
    struct Frame<T> {
        inner: *const Waker,
        slot: Option<T>,
    }

    /// Wrapper vtable: `clone` and `wake_by_ref` forward to the executor's
    /// waker, so clones never carry the stack address.
    pub static FWD_VTABLE: RawWakerVTable =
        RawWakerVTable::new(fwd_clone, fwd_wake, fwd_wake, fwd_drop);

    unsafe fn fwd_inner<'a>(data: *const ()) -> &'a Waker {
        // SAFETY: `data` is a `*const Frame<_>` created by
        // `AsyncWakerGen::poll_next`; `inner` is at offset 0 (`repr(C)`) and
        // points to the caller's waker, which outlives that call. The wrapper
        // waker itself never leaves the call (clones are the inner waker).
        unsafe { &**(data as *const *const Waker) }
    }
    unsafe fn fwd_clone(data: *const ()) -> RawWaker {
        // SAFETY: see `fwd_inner`; called only while the frame is live.
        let w = core::mem::ManuallyDrop::new(unsafe { fwd_inner(data) }.clone());
        RawWaker::new(w.data(), w.vtable())
    }
    unsafe fn fwd_wake(data: *const ()) {
        // SAFETY: see `fwd_inner`.
        unsafe { fwd_inner(data) }.wake_by_ref()
    }
    fn fwd_drop(_data: *const ()) {}

    pub mod fwd {
        use super::*;
        pub struct Co<T>(core::marker::PhantomData<fn(T)>);
        impl<T> Co<T> {
            #[inline(always)]
            pub fn yield_(&self, value: T) -> Yield<T> {
                Yield(Some(value))
            }
        }
        pub struct Yield<T>(Option<T>);
        impl<T> Unpin for Yield<T> {}
        impl<T> Future for Yield<T> {
            type Output = ();
            #[inline(always)]
            fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
                match self.0.take() {
                    None => Poll::Ready(()),
                    Some(v) => {
                        let w = cx.waker();
                        assert!(
                            ptr::eq(w.vtable(), &FWD_VTABLE),
                            "yield future polled with a foreign Context"
                        );
                        let frame = w.data() as *mut Frame<T>;
                        // SAFETY: only `AsyncWakerGen::poll_next` makes wakers
                        // with FWD_VTABLE, with `data` = its live stack frame
                        // of type `Frame<T>` (`T` by the constructor contract).
                        unsafe { (*frame).slot = Some(v) };
                        Poll::Pending
                    }
                }
            }
        }
        pub(super) fn co<T>() -> Co<T> {
            Co(core::marker::PhantomData)
        }
    }

    /// Async generator whose yields use mechanism 1: `poll_next` wraps the
    /// executor's waker. `LOCAL` keeps the executor's `local_waker` in the
    /// rebuilt `Context` (nightly); stable code could only call
    /// `Context::from_waker` and would drop it.
    pub struct AsyncWakerGen<T, F, const LOCAL: bool> {
        fut: F,
        done: bool,
        _t: core::marker::PhantomData<fn() -> T>,
    }

    impl<T, F: Future<Output = ()>, const LOCAL: bool> AsyncWakerGen<T, F, LOCAL> {
        /// # Safety
        /// `co` is only awaited directly in the body.
        pub unsafe fn new(body: impl FnOnce(fwd::Co<T>) -> F) -> Self {
            AsyncWakerGen {
                fut: body(fwd::co()),
                done: false,
                _t: core::marker::PhantomData,
            }
        }
    }

    impl<T, F: Future<Output = ()>, const LOCAL: bool> PollNext for AsyncWakerGen<T, F, LOCAL> {
        type Item = T;
        #[inline(always)]
        fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {
            // SAFETY: `fut` is structurally pinned and never moved; `done` is
            // a plain flag.
            let this = unsafe { self.get_unchecked_mut() };
            if this.done {
                return Poll::Ready(None);
            }
            let mut frame = Frame::<T> {
                inner: cx.waker(),
                slot: None,
            };
            let raw = RawWaker::new(ptr::addr_of_mut!(frame) as *const (), &FWD_VTABLE);
            // SAFETY: the FWD_VTABLE functions only read `frame.inner`, which
            // is valid for this whole call; the wrapper is dropped before we
            // return, and its clones are clones of the inner waker.
            let wrapper = unsafe { Waker::from_raw(raw) };
            let polled = {
                let mut cx2 = if LOCAL {
                    ContextBuilder::from_waker(&wrapper)
                        .local_waker(cx.local_waker())
                        .build()
                } else {
                    Context::from_waker(&wrapper)
                };
                // SAFETY: `fut` lives in a pinned generator, never moved.
                unsafe { Pin::new_unchecked(&mut this.fut) }.poll(&mut cx2)
            };
            drop(wrapper);
            match polled {
                Poll::Ready(()) => {
                    this.done = true;
                    Poll::Ready(None)
                }
                Poll::Pending => match frame.slot.take() {
                    Some(v) => Poll::Ready(Some(v)),
                    None => Poll::Pending,
                },
            }
        }
    }

    // --- executors -----------------------------------------------------------

    /// Task flag for the thread-safe executor.
    #[derive(Default)]
    pub struct ArcTask {
        woken: AtomicBool,
    }
    impl Wake for ArcTask {
        fn wake(self: Arc<Self>) {
            self.woken.store(true, Ordering::Release);
        }
        fn wake_by_ref(self: &Arc<Self>) {
            self.woken.store(true, Ordering::Release);
        }
    }

    /// Task flag for the local executor.
    #[derive(Default)]
    pub struct RcTask {
        woken: Cell<bool>,
    }
    impl LocalWake for RcTask {
        fn wake(self: Rc<Self>) {
            self.woken.set(true);
        }
        fn wake_by_ref(self: &Rc<Self>) {
            self.woken.set(true);
        }
    }

    /// Drains `s` on this thread with an `Arc`-based `Waker` (what a stable
    /// executor has to hand out), summing the items.
    #[inline(never)]
    pub fn drain_arc<S: PollNext<Item = u64>>(mut s: Pin<&mut S>) -> u64 {
        let task = Arc::new(ArcTask::default());
        let waker = Waker::from(task.clone());
        let mut cx = Context::from_waker(&waker);
        let mut sum = 0u64;
        loop {
            match s.as_mut().poll_next(&mut cx) {
                Poll::Ready(Some(x)) => sum = sum.wrapping_add(black_box(x)),
                Poll::Ready(None) => return sum,
                // A real executor would park here and requeue on wake.
                Poll::Pending => assert!(task.woken.swap(false, Ordering::Acquire), "lost wakeup"),
            }
        }
    }

    /// Drains `s` with an `Rc`-based `LocalWaker` (`cx.waker()` is a no-op:
    /// futures run by this executor must use `cx.local_waker()`).
    #[inline(never)]
    pub fn drain_rc<S: PollNext<Item = u64>>(mut s: Pin<&mut S>) -> u64 {
        let task = Rc::new(RcTask::default());
        let local = LocalWaker::from(task.clone());
        let mut cx = ContextBuilder::from_waker(Waker::noop())
            .local_waker(&local)
            .build();
        let mut sum = 0u64;
        loop {
            match s.as_mut().poll_next(&mut cx) {
                Poll::Ready(Some(x)) => sum = sum.wrapping_add(black_box(x)),
                Poll::Ready(None) => return sum,
                Poll::Pending => assert!(task.woken.replace(false), "lost wakeup"),
            }
        }
    }
}

#[cfg(test)]
mod tests;
