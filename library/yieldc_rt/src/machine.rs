//! The state every sync generator and coroutine keeps around its body: the body itself until it
//! completes, and whether a panic escaped the last resumption.

use core::future::Future;
use core::mem::ManuallyDrop;

use crate::resume::resume;
use crate::CoroutineState;

/// Why a resumption was refused; passed to the panic closure of the generator so that the panic
/// is reported at the generator's own source location, like nightly's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refused {
    /// The body already returned (only general coroutines panic for this; `gen` is fused).
    AfterCompletion,
    /// A panic escaped the previous resumption.
    AfterPanic,
}

pub(crate) struct Machine<F> {
    /// Valid unless `state` is `Done` (dropped in place when the body completed).
    body: ManuallyDrop<F>,
    state: State,
}

/// One byte for everything a resumption must know (cheaper to create and check than an
/// `Option<F>` tag plus a flag: the body's own state machine offers no niche).
#[derive(Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
enum State {
    /// The body is suspended (or not started) and may be resumed.
    Suspended,
    /// A resumption is running; still set at the next resumption means a panic escaped it.
    Resuming,
    /// The body completed and was dropped.
    Done,
}

impl<F: Future> Machine<F> {
    #[inline(always)]
    pub(crate) const fn new(body: F) -> Self {
        Machine {
            body: ManuallyDrop::new(body),
            state: State::Suspended,
        }
    }

    /// One resumption; `Err` when the machine refuses it.
    ///
    /// # Safety
    /// As [`resume`]: moving `self` between resumptions must be sound (pinned, or proven).
    #[inline(always)]
    pub(crate) unsafe fn resume<Y, R>(
        &mut self,
        arg: R,
    ) -> Result<CoroutineState<Y, F::Output>, Refused> {
        match self.state {
            State::Suspended => {}
            State::Resuming => return Err(Refused::AfterPanic),
            State::Done => return Err(Refused::AfterCompletion),
        }
        self.state = State::Resuming;
        // SAFETY: `body` is valid (state was `Suspended`); the rest is forwarded from this
        // function's contract.
        let state = unsafe { resume::<Y, R, F>(&mut self.body, arg) };
        if let CoroutineState::Complete(_) = state {
            // The body's captures were dropped when it returned; drop the finished state now.
            // `Done` first: should that drop panic, the body is leaked, never dropped twice.
            self.state = State::Done;
            // SAFETY: `body` is valid and, with `state` now `Done`, never used again.
            unsafe { ManuallyDrop::drop(&mut self.body) };
        } else {
            self.state = State::Suspended;
        }
        Ok(state)
    }
}

impl<F: Clone> Clone for Machine<F> {
    fn clone(&self) -> Self {
        if self.state == State::Done {
            // No body is left to clone. Only reachable with a hand-made `Clone` body: the
            // lowering's bodies are `async` blocks, which are never `Clone`.
            panic!("cannot clone a generator that has finished");
        }
        Machine {
            body: ManuallyDrop::new((*self.body).clone()),
            state: self.state,
        }
    }
}

impl<F> Drop for Machine<F> {
    fn drop(&mut self) {
        if self.state != State::Done {
            // SAFETY: `body` is valid unless `Done`, and this is its last use. (For a pinned
            // machine this is the drop in place that `Pin` requires.)
            unsafe { ManuallyDrop::drop(&mut self.body) };
        }
    }
}
