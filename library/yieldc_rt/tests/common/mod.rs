//! Helpers shared by the runtime's integration tests: a minimal executor and panic capture.
#![allow(dead_code)]

use std::future::Future;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};

use yieldc_rt::async_iter::AsyncIterator;

/// A waker that counts its wake-ups.
pub struct CountingWaker {
    pub wakes: AtomicUsize,
}

impl Wake for CountingWaker {
    fn wake(self: Arc<Self>) {
        self.wakes.fetch_add(1, Ordering::SeqCst);
    }
    fn wake_by_ref(self: &Arc<Self>) {
        self.wakes.fetch_add(1, Ordering::SeqCst);
    }
}

pub fn counting_waker() -> (Arc<CountingWaker>, Waker) {
    let inner = Arc::new(CountingWaker {
        wakes: AtomicUsize::new(0),
    });
    (inner.clone(), Waker::from(inner))
}

/// Polls a future to completion on this thread; panics if it is pending without a wake-up.
pub fn block_on<F: Future>(fut: F) -> F::Output {
    let (counter, waker) = counting_waker();
    let mut cx = Context::from_waker(&waker);
    let mut fut = std::pin::pin!(fut);
    loop {
        let before = counter.wakes.load(Ordering::SeqCst);
        match fut.as_mut().poll(&mut cx) {
            Poll::Ready(out) => return out,
            Poll::Pending => assert!(
                counter.wakes.load(Ordering::SeqCst) > before,
                "pending without a wake-up: the task would hang"
            ),
        }
    }
}

/// Drains an async iterator with `block_on`.
pub fn drain<I: AsyncIterator>(iter: I) -> Vec<I::Item> {
    let mut iter = std::pin::pin!(iter);
    let mut out = Vec::new();
    block_on(std::future::poll_fn(|cx| loop {
        match iter.as_mut().poll_next(cx) {
            Poll::Ready(Some(item)) => out.push(item),
            Poll::Ready(None) => return Poll::Ready(()),
            Poll::Pending => return Poll::Pending,
        }
    }));
    out
}

/// A future that is pending once (waking itself) and then ready with `value`.
pub struct YieldNow<T> {
    pub value: Option<T>,
    pub polled: bool,
    /// Records the waker it saw, to check that it is the executor's real one.
    pub seen: Option<Arc<Mutex<Vec<SeenWaker>>>>,
}

/// What a [`YieldNow`] saw of `cx.waker()`: the waker itself, by reference (its data pointer and
/// whether `will_wake` holds against the executor's, taken during the poll), and a clone.
pub struct SeenWaker {
    pub data: usize,
    pub will_wake_executor: bool,
    pub clone: Waker,
}

pub fn yield_now<T>(value: T) -> YieldNow<T> {
    YieldNow {
        value: Some(value),
        polled: false,
        seen: None,
    }
}

std::thread_local! {
    /// The waker a test's executor polls with, for [`SeenWaker::will_wake_executor`].
    pub static EXECUTOR_WAKER: std::cell::RefCell<Option<Waker>> = const { std::cell::RefCell::new(None) };
}

impl<T> Unpin for YieldNow<T> {}

impl<T> Future for YieldNow<T> {
    type Output = T;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        if let Some(seen) = &self.seen {
            let executor = EXECUTOR_WAKER.with(|w| w.borrow().clone());
            seen.lock().unwrap().push(SeenWaker {
                data: cx.waker().data() as usize,
                will_wake_executor: executor.is_some_and(|w| cx.waker().will_wake(&w)),
                clone: cx.waker().clone(),
            });
        }
        if self.polled {
            Poll::Ready(self.value.take().expect("polled after completion"))
        } else {
            self.polled = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

/// Runs `f`, expects a panic, returns its message.
pub fn panic_message<R>(f: impl FnOnce() -> R) -> String {
    let payload = match catch_unwind(AssertUnwindSafe(f)) {
        Ok(_) => panic!("expected a panic"),
        Err(payload) => payload,
    };
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "<non-string panic payload>".to_string()
    }
}

/// A value that records its drop in a shared log.
pub struct Noisy {
    pub name: &'static str,
    pub log: Arc<Mutex<Vec<&'static str>>>,
}

impl Drop for Noisy {
    fn drop(&mut self) {
        self.log.lock().unwrap().push(self.name);
    }
}

pub fn log() -> Arc<Mutex<Vec<&'static str>>> {
    Arc::new(Mutex::new(Vec::new()))
}

pub fn noisy(name: &'static str, log: &Arc<Mutex<Vec<&'static str>>>) -> Noisy {
    Noisy {
        name,
        log: log.clone(),
    }
}

pub fn taken(log: &Arc<Mutex<Vec<&'static str>>>) -> Vec<&'static str> {
    std::mem::take(&mut *log.lock().unwrap())
}
