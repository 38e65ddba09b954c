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
//! where `BODY'` has every `yield e` replaced by `__yieldc_co.yield_(e).await`.
//!
//! An async generator is pinned by its consumer (`poll_next` takes `Pin<&mut Self>`), so the
//! body may borrow its own locals across `yield` and `.await`, and the hand-off slot can live in
//! the generator itself. The body learns the slot's address once: the first `poll_next` polls
//! the body with a private *binding* context whose waker points to the slot header; the
//! `bind()` prologue records it and suspends; `poll_next` then polls again with the caller's
//! real `Context`. From then on the body, and every user future it awaits, sees only the
//! caller's real `Context` (same waker, so `will_wake` works).
//!
//! Each `yield` checks that it is polled with the `Context` of the current `poll_next` of its
//! own generator (pointer equality), so a `yield` smuggled into another task or thread panics.

use core::cell::{Cell, UnsafeCell};
use core::future::Future;
use core::marker::{PhantomData, PhantomPinned};
use core::mem::ManuallyDrop;
use core::pin::Pin;
use core::ptr;
use core::task::{Context, Poll, RawWaker, RawWakerVTable, Waker};

use crate::async_iter::AsyncIterator;
use crate::gen::panic_closure_returned;
use crate::machine::Refused;
use crate::type_id::type_id_of;

/// Identifies the binding waker. A `static`, so its address is unique.
static BIND_VTABLE: RawWakerVTable =
    RawWakerVTable::new(clone_as_noop, do_nothing, do_nothing, do_nothing);
static NOOP_VTABLE: RawWakerVTable =
    RawWakerVTable::new(clone_as_noop, do_nothing, do_nothing, do_nothing);

fn clone_as_noop(_: *const ()) -> RawWaker {
    RawWaker::new(ptr::null(), &NOOP_VTABLE)
}

fn do_nothing(_: *const ()) {}

/// The part of an [`AsyncGen`] that its body reaches through a raw pointer.
#[repr(C)]
struct Header<T> {
    /// `type_id_of::<T>()`, checked by `bind`.
    type_id: core::any::TypeId,
    /// Set by `bind`; checked by `poll_next` after the binding poll.
    bound: Cell<bool>,
    /// The `Context` of the `poll_next` in progress, null outside of one. Still set when a
    /// `poll_next` is entered means the previous one panicked: the generator is poisoned.
    context: Cell<*const ()>,
    /// The value of the `yield` polled in this `poll_next`, if any.
    slot: UnsafeCell<Option<T>>,
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
pub struct AsyncGen<T, F, P> {
    header: Header<T>,
    body: Option<F>,
    on_refused: P,
    _pinned: PhantomPinned,
}

// SAFETY: the only `T` inside an `AsyncGen` apart from the body is the slot, which holds a value
// only between a `yield` and the end of the same `poll_next` (on one thread, inside `&mut self`
// access); at rest it is `None`. So sending the generator sends no `T`; the body's own auto
// traits, which include the yielded values like nightly's, decide.
unsafe impl<T, F: Send, P: Send> Send for AsyncGen<T, F, P> {}
// SAFETY: `&AsyncGen` gives access to nothing but `size_hint`, which reads no field.
unsafe impl<T, F: Sync, P: Sync> Sync for AsyncGen<T, F, P> {}

impl<T, F: Future<Output = ()>, P: Fn(Refused)> AsyncGen<T, F, P> {
    /// Wraps a lowered body (see the module docs).
    pub fn new(key: AsyncGenKey<T, P>, body: F) -> Self {
        AsyncGen {
            header: Header {
                type_id: type_id_of::<T>(),
                bound: Cell::new(false),
                context: Cell::new(ptr::null()),
                slot: UnsafeCell::new(None),
            },
            body: Some(body),
            on_refused: key.on_refused,
            _pinned: PhantomPinned,
        }
    }
}

impl<T, F: Future<Output = ()>, P: Fn(Refused)> AsyncIterator for AsyncGen<T, F, P> {
    type Item = T;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {
        // SAFETY: we never move out of `this`: `body` is structurally pinned (only polled in
        // place or dropped in place), and the other fields are plain data.
        let this = unsafe { self.get_unchecked_mut() };
        let Some(body) = this.body.as_mut() else {
            return Poll::Ready(None);
        };
        if !this.header.context.get().is_null() {
            (this.on_refused)(Refused::AfterPanic);
            panic_closure_returned();
        }
        // SAFETY: `body` lives inside the pinned `AsyncGen` and is never moved.
        let mut body = unsafe { Pin::new_unchecked(body) };
        let header: *const Header<T> = &this.header;
        if !this.header.bound.get() {
            // SAFETY: the vtable ignores the data pointer except in `clone`, which drops it.
            // (`ManuallyDrop`: the vtable's `drop` does nothing.)
            let waker = ManuallyDrop::new(unsafe {
                Waker::from_raw(RawWaker::new(header as *const (), &BIND_VTABLE))
            });
            let mut bind_context = Context::from_waker(&waker);
            match body.as_mut().poll(&mut bind_context) {
                Poll::Pending if this.header.bound.get() => {}
                _ => missing_bind_prologue(),
            }
        }
        this.header
            .context
            .set(cx as *const Context<'_> as *const ());
        let poll = body.poll(cx);
        this.header.context.set(ptr::null());
        match poll {
            Poll::Ready(()) => {
                this.body = None;
                Poll::Ready(None)
            }
            // SAFETY: no `yield` future runs now (the body is not being polled), so nothing
            // else accesses the slot.
            Poll::Pending => match unsafe { (*this.header.slot.get()).take() } {
                Some(item) => Poll::Ready(Some(item)),
                None => Poll::Pending,
            },
        }
    }
}

#[cold]
#[inline(never)]
fn missing_bind_prologue() -> ! {
    panic!("yieldc internal error: an `async gen` body did not start with its binding prologue")
}

impl<T> AsyncCoToken<T> {
    /// The body's prologue: learns where its generator's slot is.
    pub fn bind(self) -> Bind<T> {
        Bind {
            header: ptr::null(),
            _item: PhantomData,
        }
    }
}

/// The future returned by [`AsyncCoToken::bind`].
#[must_use = "does nothing unless awaited"]
pub struct Bind<T> {
    header: *const Header<T>,
    _item: PhantomData<fn(T) -> T>,
}

// SAFETY: `header` is only an address until the `AsyncCo` made from it is used, and that use
// is checked against the current `poll_next` (see `AsyncYield::poll`).
unsafe impl<T> Send for Bind<T> {}
// SAFETY: `&Bind` gives access to nothing.
unsafe impl<T> Sync for Bind<T> {}
impl<T> Unpin for Bind<T> {}

impl<T> Future for Bind<T> {
    type Output = AsyncCo<T>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<AsyncCo<T>> {
        let this = self.get_mut();
        if this.header.is_null() {
            let waker = cx.waker();
            if !ptr::eq(waker.vtable(), &BIND_VTABLE) {
                missing_bind_prologue();
            }
            let header = waker.data() as *const Header<T>;
            // SAFETY: only `poll_next` makes wakers with `BIND_VTABLE`, with a pointer to the
            // header of the `AsyncGen` it is polling; it is alive for the whole poll. The type
            // is checked before any field after `type_id` is read (`repr(C)`, `type_id` first).
            let type_id = unsafe { ptr::addr_of!((*header).type_id).read() };
            if type_id != type_id_of::<T>() {
                missing_bind_prologue();
            }
            // SAFETY: as above, and the types match.
            unsafe { (*header).bound.set(true) };
            this.header = header;
            Poll::Pending
        } else {
            Poll::Ready(AsyncCo {
                header: this.header,
            })
        }
    }
}

/// The bound handle of an async generator body (`let __yieldc_co = &…bind().await`).
pub struct AsyncCo<T> {
    header: *const Header<T>,
}

// SAFETY: `AsyncCo` is a local of the body, pointing to the header of the same pinned
// `AsyncGen` that contains the body; it moves with it. Every access through it happens in a
// `yield` future that first checks it is polled inside that generator's current `poll_next`
// with that `poll_next`'s own `Context` (which is `!Send`), so no access happens from another
// thread or outside `poll_next`.
unsafe impl<T> Send for AsyncCo<T> {}
// SAFETY: as for `Send`: every access is checked to happen within `poll_next`, on its thread.
unsafe impl<T> Sync for AsyncCo<T> {}

impl<T> AsyncCo<T> {
    /// `yield value`.
    #[inline(always)]
    pub fn yield_(&self, value: T) -> AsyncYield<'_, T> {
        AsyncYield {
            header: self.header,
            value: Some(value),
            _co: PhantomData,
        }
    }
}

/// The future of one `yield` in an async generator.
#[must_use = "a `yield` does nothing unless awaited"]
pub struct AsyncYield<'co, T> {
    header: *const Header<T>,
    value: Option<T>,
    _co: PhantomData<&'co AsyncCo<T>>,
}

// SAFETY: as for `AsyncCo`: the pointer is only used after the `Context` check in `poll`.
unsafe impl<T: Send> Send for AsyncYield<'_, T> {}
// SAFETY: `&AsyncYield` gives access to nothing.
unsafe impl<T> Sync for AsyncYield<'_, T> {}
impl<T> Unpin for AsyncYield<'_, T> {}

impl<T> Future for AsyncYield<'_, T> {
    type Output = ();

    #[inline]
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let this = self.get_mut();
        let Some(value) = this.value.take() else {
            return Poll::Ready(());
        };
        // SAFETY: `this` borrows (`'co`) the `AsyncCo` that is a local of the body, so the
        // `AsyncGen` holding that body, and its header, are alive and pinned.
        let header = unsafe { &*this.header };
        if header.context.get() != cx as *const Context<'_> as *const () {
            yield_outside_generator();
        }
        // SAFETY: the check above proves we run inside this generator's `poll_next`, on its
        // thread, which reads the slot only after the body's poll returns.
        let slot = unsafe { &mut *header.slot.get() };
        if slot.is_some() {
            two_yields_in_one_poll();
        }
        *slot = Some(value);
        Poll::Pending
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
