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
    /// `None` once the body has completed.
    body: Option<F>,
    /// Set while a resumption runs; still set afterwards means a panic escaped it.
    poisoned: bool,
}

impl<F: Future> Machine<F> {
    #[inline(always)]
    pub(crate) const fn new(body: F) -> Self {
        Machine {
            body: Some(body),
            poisoned: false,
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
        let Some(body) = self.body.as_mut() else {
            return Err(Refused::AfterCompletion);
        };
        if self.poisoned {
            return Err(Refused::AfterPanic);
        }
        self.poisoned = true;
        // SAFETY: forwarded from this function's contract.
        let state = unsafe { resume::<Y, R, F>(body, arg) };
        self.poisoned = false;
        if let CoroutineState::Complete(_) = state {
            // The body's captures were dropped when it returned; drop the finished state now.
            self.body = None;
        }
        Ok(state)
    }
}
