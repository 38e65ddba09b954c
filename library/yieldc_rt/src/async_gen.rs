//! Async generators: what `async gen {}` and `async gen fn` lower to.
//!
//! ```text
//! async gen move { BODY }   ==>   {
//!     let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__async_gen_parts!();
//!     ::yieldc_rt::AsyncGen::new(__yieldc_key, async move {
//!         let __yieldc_co = &__yieldc_co.bind().await;
//!         BODY'
//!     })
//! }
//! ```
//! where `BODY'` has every `yield e` replaced by `__yieldc_co.yield_(e).await`, and every other
//! `e.await` of the body by `::yieldc_rt::__awaited(e).await` (see [`Awaited`]).
//!
//! Each `poll_next` polls the body once with a `Context` of its own, built on its stack: the
//! *frame context*. Its waker's data pointer points to a [`Frame`] in the same stack frame,
//! which holds the slot for the value of a `yield`, the address of the frame context, and the
//! caller's waker. This is the hand-off of sync generators (`resume.rs`), and for the same
//! reason: the body holds no pointer to the generator or to the slot, so once `poll_next` is
//! inlined LLVM keeps the body's state in registers (see `design-notes/runtime-perf.md`).
//!
//! The body's own `.await`s must still see the caller's waker (so `will_wake` works and wakeups
//! reach the caller's task): the lowering wraps each of them in [`Awaited`], which polls the
//! awaited future with a `Context` built on the caller's waker. A future that still receives
//! the frame context (an `.await` inside a macro's expansion, which the lowering cannot see)
//! gets a waker that forwards `wake_by_ref` to the caller's waker and clones *into* the
//! caller's waker: correct, only `will_wake` against it is `false`. (The `Context` that
//! `__awaited` builds carries only the waker: all a stable `Context` has. Were `LocalWaker` or
//! `Context::ext` stable, it would have to copy them with `ContextBuilder::from`.)
//!
//! Each `yield` checks that it is polled with the frame context itself (pointer equality) and
//! that the frame's item type is its own, so a `yield` smuggled into another task, thread or
//! generator panics instead of writing anywhere.

use core::future::{Future, IntoFuture};
use core::marker::PhantomData;
use core::mem::ManuallyDrop;
use core::pin::Pin;
use core::ptr;
use core::task::{Context, Poll, RawWaker, RawWakerVTable, Waker};

use crate::async_iter::AsyncIterator;
use crate::gen::panic_closure_returned;
use crate::machine::Refused;
use crate::type_id::type_id_of;

/// Identifies frame wakers. A `static`, so its address is unique.
static FRAME_VTABLE: RawWakerVTable = RawWakerVTable::new(
    frame_clone,
    frame_wake_by_ref,
    frame_wake_by_ref,
    frame_drop,
);

/// The caller's waker, for a frame waker's data pointer.
///
/// # Safety
/// `data` comes from a waker with [`FRAME_VTABLE`]: a live frame (the frame waker is only ever
/// reachable by reference, through the frame context, during the `poll_next` that owns both).
unsafe fn caller_waker<'a>(data: *const ()) -> &'a Waker {
    // SAFETY: forwarded; `waker` is written before the frame waker exists and never again, and
    // points to the waker of the `Context` that `poll_next` was called with, which outlives it.
    unsafe { &*(*(data as *const FrameHeader)).waker }
}

fn frame_clone(data: *const ()) -> RawWaker {
    // SAFETY: only called through a frame waker (see `caller_waker`).
    let waker = ManuallyDrop::new(unsafe { caller_waker(data) }.clone());
    RawWaker::new(waker.data(), waker.vtable())
}

fn frame_wake_by_ref(data: *const ()) {
    // SAFETY: only called through a frame waker (see `caller_waker`). (`wake` by value cannot
    // happen: a frame waker is never owned outside `poll_next`, whose copy is `ManuallyDrop`;
    // it forwards like `wake_by_ref` all the same.)
    unsafe { caller_waker(data) }.wake_by_ref()
}

fn frame_drop(_: *const ()) {}

/// The part of a [`Frame`] that does not depend on the item type. `repr(C)`, first in every
/// `Frame<T>`, so a pointer to a frame is a pointer to its header.
#[repr(C)]
struct FrameHeader {
    /// The address of the frame context.
    context: *const (),
    /// `type_id_of::<T>()` of the `AsyncGen<T, ..>` polling.
    type_id: core::any::TypeId,
    /// The waker of the `Context` that `poll_next` was called with (unwrapped if that was a
    /// frame context itself).
    waker: *const Waker,
}

#[repr(C)]
struct Frame<T> {
    header: FrameHeader,
    /// The value of the `yield` polled in this `poll_next`, if any.
    slot: Option<T>,
}

/// The caller's waker behind `cx`: `cx`'s own, unless `cx` is a live frame context.
#[inline(always)]
fn real_waker<'a>(cx: &Context<'a>) -> &'a Waker {
    let waker = cx.waker();
    if ptr::eq(waker.vtable(), &FRAME_VTABLE) {
        let header = waker.data() as *const FrameHeader;
        // SAFETY: a waker with `FRAME_VTABLE` points to a live frame (see `caller_waker`);
        // `context` is only written before the frame context is handed out.
        if unsafe { (*header).context } == cx as *const Context<'_> as *const () {
            // SAFETY: as above.
            return unsafe { caller_waker(header as *const ()) };
        }
    }
    waker
}

/// What [`crate::__async_gen_parts`] creates.
pub struct AsyncGenKey<T, P> {
    pub(crate) on_refused: P,
    pub(crate) _item: PhantomData<fn(T) -> T>,
}

/// The unbound handle given to an async generator body; `bind()` is the body's first statement.
pub struct AsyncCoToken<T> {
    pub(crate) _item: PhantomData<fn(T) -> T>,
}

/// An async generator (`impl AsyncIterator`), stored inline, pinned by its consumer.
///
/// Its auto traits are the body's (and the panic closure's, which captures nothing): no item
/// is stored in it between two `poll_next`s. That includes `Unpin`: it holds no pointer into
/// itself, so it may move between polls whenever its body may (an `async` body never may).
#[must_use = "coroutines are lazy and do nothing unless resumed"]
pub struct AsyncGen<T, F, P> {
    /// Never polled again once `state` is `Done` (not dropped then: see `Machine`).
    body: F,
    state: State,
    on_refused: P,
    _item: PhantomData<fn(T) -> T>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
enum State {
    /// Between two `poll_next`s, not finished.
    Idle,
    /// A `poll_next` is running; still set at the next one means a panic escaped it.
    Polling,
    /// The body completed.
    Done,
}

impl<T, F: Future<Output = ()>, P: Fn(Refused)> AsyncGen<T, F, P> {
    /// [`Self::new`] on the parts as one value: the runtime's generator macros pass
    /// `match __parts!() { (key, co) => (key, body) }`, so that the call, not a `match` arm, is
    /// the expression the caller wrote, and rustc's type errors on it read as on any call
    /// (`expected due to this`, `arguments to this function are incorrect`).
    #[doc(hidden)]
    #[inline(always)]
    pub fn __from_parts(parts: (AsyncGenKey<T, P>, F)) -> Self {
        Self::new(parts.0, parts.1)
    }

    /// Wraps a lowered body (see the module docs).
    #[inline(always)]
    pub fn new(key: AsyncGenKey<T, P>, body: F) -> Self {
        AsyncGen {
            body,
            state: State::Idle,
            on_refused: key.on_refused,
            _item: PhantomData,
        }
    }
}

impl<T, F: Future<Output = ()>, P: Fn(Refused)> AsyncIterator for AsyncGen<T, F, P> {
    type Item = T;

    #[inline(always)]
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {
        // SAFETY: we never move out of `this`: `body` is structurally pinned (only polled in
        // place or dropped in place), and the other fields are plain data.
        let this = unsafe { self.get_unchecked_mut() };
        match this.state {
            State::Idle => {}
            State::Done => return Poll::Ready(None),
            State::Polling => {
                (this.on_refused)(Refused::AfterPanic);
                panic_closure_returned();
            }
        }
        let mut frame = Frame::<T> {
            header: FrameHeader {
                context: ptr::null(),
                type_id: type_id_of::<T>(),
                waker: real_waker(cx),
            },
            slot: None,
        };
        let frame_ptr: *mut Frame<T> = ptr::addr_of_mut!(frame);
        // SAFETY: the vtable's functions only read the frame's `waker` (see `caller_waker`).
        // The frame waker is reachable only by reference through `frame_context`, which lives
        // in this call, like the frame. `ManuallyDrop`: its `drop` does nothing.
        let waker = ManuallyDrop::new(unsafe {
            Waker::from_raw(RawWaker::new(frame_ptr as *const (), &FRAME_VTABLE))
        });
        let mut frame_context = Context::from_waker(&waker);
        // SAFETY: `frame_ptr` points to `frame`, alive and not otherwise borrowed.
        unsafe { (*frame_ptr).header.context = ptr::addr_of!(frame_context) as *const () };
        this.state = State::Polling;
        // SAFETY: `body` lives inside the pinned `AsyncGen` (structurally pinned) and has not
        // completed (state was `Idle`).
        let body = unsafe { Pin::new_unchecked(&mut this.body) };
        match body.poll(&mut frame_context) {
            Poll::Ready(()) => {
                this.state = State::Done;
                Poll::Ready(None)
            }
            Poll::Pending => {
                this.state = State::Idle;
                // SAFETY: `frame` is alive; the body's accesses to it ended when `poll`
                // returned.
                match unsafe { (*frame_ptr).slot.take() } {
                    Some(item) => Poll::Ready(Some(item)),
                    None => Poll::Pending,
                }
            }
        }
    }
}

impl<T> AsyncCoToken<T> {
    /// The body's prologue. The handle is a token: each `yield` finds its slot through the
    /// `Context` it is polled with.
    #[inline(always)]
    pub fn bind(self) -> Bind<T> {
        Bind { _item: PhantomData }
    }
}

/// The future returned by [`AsyncCoToken::bind`]; ready at once.
#[must_use = "does nothing unless awaited"]
pub struct Bind<T> {
    _item: PhantomData<fn(T) -> T>,
}

impl<T> Future for Bind<T> {
    type Output = AsyncCo<T>;

    #[inline(always)]
    fn poll(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<AsyncCo<T>> {
        Poll::Ready(AsyncCo { _item: PhantomData })
    }
}

/// The handle of an async generator body (`let __yieldc_co = &…bind().await`).
pub struct AsyncCo<T> {
    _item: PhantomData<fn(T) -> T>,
}

impl<T> AsyncCo<T> {
    /// `yield value`.
    #[inline(always)]
    pub fn yield_(&self, value: T) -> AsyncYield<'_, T> {
        AsyncYield {
            value: Some(value),
            _co: PhantomData,
        }
    }
}

/// The future of one `yield` in an async generator.
#[must_use = "a `yield` does nothing unless awaited"]
pub struct AsyncYield<'co, T> {
    value: Option<T>,
    _co: PhantomData<&'co AsyncCo<T>>,
}

// SAFETY: `&AsyncYield` gives access to nothing, so sharing one shares no `T`. (Like nightly's
// async generators, the body is `Sync` regardless of a value it yields.)
unsafe impl<T> Sync for AsyncYield<'_, T> {}
impl<T> Unpin for AsyncYield<'_, T> {}

impl<T> Future for AsyncYield<'_, T> {
    type Output = ();

    #[inline(always)]
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let this = self.get_mut();
        let Some(value) = this.value.take() else {
            return Poll::Ready(());
        };
        let waker = cx.waker();
        if !ptr::eq(waker.vtable(), &FRAME_VTABLE) {
            yield_outside_generator();
        }
        let frame = waker.data() as *mut Frame<T>;
        // SAFETY: a waker with `FRAME_VTABLE` points to a live frame (see `caller_waker`), and
        // the header is at offset 0 of every `Frame<_>` (`repr(C)`); it is not written while
        // the body runs.
        let header = unsafe { &*(frame as *const FrameHeader) };
        if header.context != cx as *const Context<'_> as *const () {
            yield_outside_generator();
        }
        if header.type_id != type_id_of::<T>() {
            yield_outside_generator();
        }
        // SAFETY: the checks prove that this is the frame of the `poll_next` polling us, right
        // now, on this thread (the frame context is `!Send`, and no other `Context` has its
        // address), and that its slot holds a `T`. `poll_next` reads the slot only after the
        // body's poll returns.
        let slot = unsafe { &mut (*frame).slot };
        if slot.is_some() {
            two_yields_in_one_poll();
        }
        *slot = Some(value);
        Poll::Pending
    }
}

/// Not public API. What the lowering makes of `e.await` in an `async gen` body:
/// `::yieldc_rt::__awaited(e).await`. The `.await` turns `e` into its future (at the same point
/// as `e.await` would, and with the same error when `e` is no future: the bound is on the
/// `IntoFuture` impl, not here), then polls it with the caller's waker (see the module docs).
#[doc(hidden)]
#[inline(always)]
pub fn __awaited<F>(operand: F) -> Awaited<F> {
    Awaited { operand }
}

/// The operand of an `.await` in an `async gen` body (see [`__awaited`]).
#[doc(hidden)]
pub struct Awaited<F> {
    operand: F,
}

impl<F: IntoFuture> IntoFuture for Awaited<F> {
    type Output = F::Output;
    type IntoFuture = WithCallerWaker<F::IntoFuture>;

    #[inline(always)]
    fn into_future(self) -> WithCallerWaker<F::IntoFuture> {
        WithCallerWaker {
            future: self.operand.into_future(),
        }
    }
}

/// The future of an `.await` in an `async gen` body (see [`__awaited`]).
#[doc(hidden)]
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct WithCallerWaker<F> {
    future: F,
}

impl<F: Future> Future for WithCallerWaker<F> {
    type Output = F::Output;

    #[inline(always)]
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        // SAFETY: `future` is structurally pinned: never moved, dropped in place with `self`.
        let future = unsafe { self.map_unchecked_mut(|this| &mut this.future) };
        with_caller_context(cx, |cx| future.poll(cx))
    }
}

/// Calls `f` with `cx`, or, if `cx` is a frame context, with a `Context` on the caller's waker.
#[inline(always)]
pub(crate) fn with_caller_context<R>(
    cx: &mut Context<'_>,
    f: impl FnOnce(&mut Context<'_>) -> R,
) -> R {
    let waker = real_waker(cx);
    if ptr::eq(waker, cx.waker()) {
        f(cx)
    } else {
        f(&mut Context::from_waker(waker))
    }
}

#[cold]
#[inline(never)]
fn yield_outside_generator() -> ! {
    panic!(
        "`yield` was polled outside the `poll_next` of its own `async gen` (was it moved into \
         another task or thread?)"
    )
}

#[cold]
#[inline(never)]
fn two_yields_in_one_poll() -> ! {
    panic!("two `yield`s were polled in one `poll_next` of an `async gen`")
}
