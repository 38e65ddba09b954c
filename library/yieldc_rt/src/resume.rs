//! The sync resumption engine shared by `gen` blocks and general coroutines.
//!
//! A body is an `async` state machine `F`. One resumption polls `F` once with a `Context` whose
//! waker is ours: its data pointer points to a [`Slot`] on the stack of that resumption. A
//! `yield` in the body is `co.yield_(v).await`; the [`Yield`] future, on its first poll, finds
//! the slot through the waker, writes `v` into it and returns `Pending`; `F::poll` returns
//! `Pending` up the chain and the resumption takes the value out of the slot. On the next
//! resumption the same `Yield` future is polled again and returns the new resume argument.
//!
//! Invariants (each checked on every access, a violation panics and never reaches UB):
//! - the waker's vtable is [`SLOT_VTABLE`], a `static` (unique address): only [`resume`] makes
//!   such wakers, so the data pointer is a live `Slot` on a resumption's stack;
//! - the `Context` passed to the `Yield` future is the very `Context` that resumption created
//!   (pointer equality): the future is being polled by that resumption, on its thread, while
//!   the slot is alive; a `Context` rebuilt elsewhere (other thread, other executor) is refused;
//! - the slot's yield/resume types equal the `Yield` future's (type id with lifetimes erased).
//!
//! Cloning the waker yields a no-op waker, never a copy of the stack pointer.

use core::future::Future;
use core::marker::PhantomData;
use core::mem::ManuallyDrop;
use core::pin::Pin;
use core::ptr;
use core::task::{Context, Poll, RawWaker, RawWakerVTable, Waker};

use crate::type_id::type_id_of;
use crate::CoroutineState;

/// Identifies wakers made by [`resume`]. A `static`, so its address is unique.
static SLOT_VTABLE: RawWakerVTable =
    RawWakerVTable::new(clone_as_noop, do_nothing, do_nothing, do_nothing);

/// What a cloned slot waker becomes: a waker that does nothing and points nowhere.
static NOOP_VTABLE: RawWakerVTable =
    RawWakerVTable::new(clone_as_noop, do_nothing, do_nothing, do_nothing);

fn clone_as_noop(_: *const ()) -> RawWaker {
    RawWaker::new(ptr::null(), &NOOP_VTABLE)
}

fn do_nothing(_: *const ()) {}

#[repr(C)]
struct SlotHeader {
    /// The `Context` of the resumption that owns this slot.
    context: *const (),
    /// `type_id_of::<(Y, R)>()` of the resumption.
    type_id: core::any::TypeId,
}

/// The hand-off between one resumption and the body. `repr(C)` so that a pointer to the slot is
/// a pointer to its header, whatever `Y` and `R` are.
#[repr(C)]
struct Slot<Y, R> {
    header: SlotHeader,
    resume_arg: Option<R>,
    yielded: Option<Y>,
}

/// Polls `fut` once as one resumption of a coroutine that yields `Y` and is resumed with `R`.
///
/// # Safety
/// The caller guarantees that moving `fut` between resumptions is sound: either it is pinned
/// for real, or the lowering proved (check copy) that no borrow of the body's own state is live
/// across a `yield`, so the state holds no pointer into itself at any suspension.
#[inline(always)]
pub(crate) unsafe fn resume<Y, R, F: Future>(fut: &mut F, arg: R) -> CoroutineState<Y, F::Output> {
    let mut slot = Slot::<Y, R> {
        header: SlotHeader {
            context: ptr::null(),
            type_id: type_id_of::<(Y, R)>(),
        },
        resume_arg: Some(arg),
        yielded: None,
    };
    let slot_ptr: *mut Slot<Y, R> = ptr::addr_of_mut!(slot);
    // SAFETY: the vtable's functions ignore the data pointer except `clone`, which returns a
    // waker that does not carry it, so no copy of `slot_ptr` outlives this function through
    // the waker. All four functions are trivially thread-safe.
    // `ManuallyDrop`: the vtable's `drop` does nothing, and skipping it saves an indirect call
    // per resumption (the vtable is a `static` of this crate, opaque to the caller's codegen).
    let waker = ManuallyDrop::new(unsafe {
        Waker::from_raw(RawWaker::new(slot_ptr as *const (), &SLOT_VTABLE))
    });
    let mut context = Context::from_waker(&waker);
    // SAFETY: `slot_ptr` points to `slot`, alive and not otherwise borrowed.
    unsafe { (*slot_ptr).header.context = ptr::addr_of!(context) as *const () };
    // SAFETY: forwarded from this function's contract.
    let fut = unsafe { Pin::new_unchecked(fut) };
    match fut.poll(&mut context) {
        Poll::Ready(output) => CoroutineState::Complete(output),
        // SAFETY: `slot` is alive; the body's borrows of it ended when `poll` returned.
        Poll::Pending => match unsafe { (*slot_ptr).yielded.take() } {
            Some(value) => CoroutineState::Yielded(value),
            None => awaited_pending_future(),
        },
    }
}

#[cold]
#[inline(never)]
fn awaited_pending_future() -> ! {
    panic!(
        "a generator body awaited a future that is not ready; `.await` is not allowed in `gen` \
         blocks or coroutines (E0728)"
    )
}

/// Finds the slot of the resumption that is polling `cx`, checked as the module doc says.
#[inline(always)]
fn slot_for<Y, R>(cx: &Context<'_>) -> *mut Slot<Y, R> {
    let waker = cx.waker();
    if !ptr::eq(waker.vtable(), &SLOT_VTABLE) {
        yield_outside_generator();
    }
    let slot = waker.data() as *mut Slot<Y, R>;
    // SAFETY: only `resume` makes wakers with `SLOT_VTABLE`, and their data pointer is a live
    // `Slot` (its `Context` borrows the waker, which lives inside `resume`). The header is at
    // offset 0 for every `Slot<_, _>` (`repr(C)`) and is not written while the body runs.
    let header = unsafe { &*(slot as *const SlotHeader) };
    if header.context != cx as *const Context<'_> as *const () {
        yield_outside_generator();
    }
    if header.type_id != type_id_of::<(Y, R)>() {
        yield_into_foreign_generator();
    }
    slot
}

#[cold]
#[inline(never)]
fn yield_outside_generator() -> ! {
    panic!(
        "`yield` was polled outside the resumption of its own generator (was it moved into an \
         `async` block or polled by another executor?)"
    )
}

#[cold]
#[inline(never)]
fn yield_into_foreign_generator() -> ! {
    panic!("`yield` reached a generator other than the one whose body contains it")
}

/// The handle of a `gen` body: `yield v` lowers to `__yieldc_co.yield_(v).await`. Like [`Co`]
/// with resume type `()`, but its `yield` does not look at the slot when it is resumed (there is
/// no argument to read), which keeps the resumption cheap when LLVM cannot fold the checks.
/// Only the lowering creates it (see [`crate::__gen_parts`]).
pub struct GenCo<Y> {
    _types: PhantomData<fn(Y) -> Y>,
}

impl<Y> GenCo<Y> {
    pub(crate) const fn new() -> Self {
        GenCo {
            _types: PhantomData,
        }
    }

    /// `yield value`.
    #[inline(always)]
    pub fn yield_(&self, value: Y) -> GenYield<Y> {
        GenYield { value: Some(value) }
    }

    /// What a `yield` evaluates to, for check copies (see [`crate::__consume`]). Never called.
    #[doc(hidden)]
    pub fn __copy_resume(&self) {}

    /// A `yield` in a check copy: typed like the real one, but not an `.await`, so that the
    /// copy's locals never cross a suspension point of the body (they would count in the
    /// generator's auto traits and cost compile time). Never called.
    #[doc(hidden)]
    pub fn __copy_yield(&self, value: Y) {
        let _ = value;
    }
}

/// The future of one `yield` in a `gen` body (see [`GenCo`]).
#[must_use = "a `yield` does nothing unless awaited"]
pub struct GenYield<Y> {
    value: Option<Y>,
}

// No structural pinning: `value` is moved out by value.
impl<Y> Unpin for GenYield<Y> {}

impl<Y> Future for GenYield<Y> {
    type Output = ();

    #[inline(always)]
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let this = self.get_mut();
        match this.value.take() {
            Some(value) => {
                let slot = slot_for::<Y, ()>(cx);
                // SAFETY: `slot_for` checked that `slot` is the live slot of the resumption
                // polling us, with our types; that resumption reads it only after `poll` returns.
                let yielded = unsafe { &mut (*slot).yielded };
                if yielded.is_some() {
                    two_yields_in_one_resumption();
                }
                *yielded = Some(value);
                Poll::Pending
            }
            // Resumed: there is no argument to take, and nothing else to touch.
            None => Poll::Ready(()),
        }
    }
}

/// The handle of a coroutine body: `yield v` lowers to `__yieldc_co.yield_(v).await`, which
/// evaluates to the next resume argument. Only the lowering creates it (see
/// [`crate::__coroutine_parts`]).
pub struct Co<Y, R = ()> {
    // Invariant in both, as nightly's coroutine is in its yield and resume types (and as
    // `GenCo` is): a covariant or contravariant handle lets the body's `yield`s pick a region of
    // their own, and a yield of the wrong lifetime is then stable's E0700 on the returned
    // `impl Coroutine` instead of nightly's E0621 on the coroutine.
    _types: PhantomData<fn(Y, R) -> (Y, R)>,
}

impl<Y, R> Co<Y, R> {
    pub(crate) const fn new() -> Self {
        Co {
            _types: PhantomData,
        }
    }

    /// `yield value`: hands `value` to the resumer, then evaluates to the next resume argument.
    #[inline(always)]
    pub fn yield_(&self, value: Y) -> Yield<Y, R> {
        Yield {
            value: Some(value),
            _resume: PhantomData,
        }
    }

    /// What a `yield` evaluates to, for check copies (see [`crate::__consume`]). Never called.
    #[doc(hidden)]
    pub fn __copy_resume(&self) -> R {
        crate::__any()
    }

    /// A `yield` in a check copy (see [`GenCo::__copy_yield`]): what it evaluates to, the next
    /// resume argument. Never called.
    #[doc(hidden)]
    pub fn __copy_yield(&self, value: Y) -> R {
        let _ = value;
        crate::__any()
    }

    /// The first resume argument, which binds a coroutine closure's parameter. Never suspends.
    #[inline(always)]
    pub fn first_resume_arg(&self) -> FirstResumeArg<Y, R> {
        FirstResumeArg {
            _types: PhantomData,
        }
    }
}

/// The future of one `yield`. Holds the value until its first poll (so, like nightly, the
/// value's type counts for the auto traits of the generator).
#[must_use = "a `yield` does nothing unless awaited"]
pub struct Yield<Y, R> {
    value: Option<Y>,
    _resume: PhantomData<fn() -> R>,
}

// No structural pinning: `value` is moved out by value.
impl<Y, R> Unpin for Yield<Y, R> {}

impl<Y, R> Future for Yield<Y, R> {
    type Output = R;

    #[inline(always)]
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<R> {
        let this = self.get_mut();
        let slot = slot_for::<Y, R>(cx);
        match this.value.take() {
            Some(value) => {
                // SAFETY: `slot_for` checked that `slot` is the live slot of the resumption
                // polling us, with our types; that resumption reads it only after `poll` returns.
                let yielded = unsafe { &mut (*slot).yielded };
                if yielded.is_some() {
                    two_yields_in_one_resumption();
                }
                *yielded = Some(value);
                Poll::Pending
            }
            // SAFETY: as above.
            None => match unsafe { (*slot).resume_arg.take() } {
                Some(arg) => Poll::Ready(arg),
                None => two_yields_in_one_resumption(),
            },
        }
    }
}

#[cold]
#[inline(never)]
fn two_yields_in_one_resumption() -> ! {
    panic!("two `yield`s were polled in one resumption of a generator")
}

/// The future that reads the first resume argument (see [`Co::first_resume_arg`]).
#[must_use = "does nothing unless awaited"]
pub struct FirstResumeArg<Y, R> {
    _types: PhantomData<fn(Y) -> R>,
}

impl<Y, R> Future for FirstResumeArg<Y, R> {
    type Output = R;

    #[inline(always)]
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<R> {
        let slot = slot_for::<Y, R>(cx);
        // SAFETY: `slot_for` checked the slot, as in `Yield::poll`.
        match unsafe { (*slot).resume_arg.take() } {
            Some(arg) => Poll::Ready(arg),
            None => two_yields_in_one_resumption(),
        }
    }
}
