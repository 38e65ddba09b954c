//! The state every sync generator and coroutine keeps around its body: the body itself until it
//! completes, and whether a panic escaped the last resumption.

use core::future::Future;

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
    /// Never polled again once `state` is `Done`. Not dropped at completion: an `async` body
    /// drops its captures and locals when it returns, so dropping the finished state later
    /// does nothing (and a plain field keeps the type two layers shallower than
    /// `ManuallyDrop`, which counts against rustc's query depth for nested generators).
    body: F,
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
    /// The body completed.
    Done,
}

impl<F: Future> Machine<F> {
    #[inline(always)]
    pub(crate) const fn new(body: F) -> Self {
        Machine {
            body,
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
        // SAFETY: the body has not completed (state was `Suspended`); the rest is forwarded
        // from this function's contract.
        let state = unsafe { resume::<Y, R, F>(&mut self.body, arg) };
        self.state = match state {
            CoroutineState::Complete(_) => State::Done,
            CoroutineState::Yielded(_) => State::Suspended,
        };
        Ok(state)
    }
}

impl<F: Clone> Clone for Machine<F> {
    fn clone(&self) -> Self {
        // Only reachable with a hand-made `Clone` body: the lowering's bodies are `async`
        // blocks, which are never `Clone`.
        Machine {
            body: self.body.clone(),
            state: self.state,
        }
    }
}
