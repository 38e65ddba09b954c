//@run
// Futures awaited in an `async gen` see the executor's own waker (`will_wake` holds, and a
// wake-up reaches the executor's task), in the body, in a nested `async` block, inside a macro
// argument, and in a nested `async gen` driven by `for await`.
#![feature(gen_blocks, async_iterator, async_for_loop)]

use std::async_iter::AsyncIterator;
use std::future::Future;
use std::pin::{pin, Pin};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

struct Executor {
    wakes: AtomicUsize,
}

impl Wake for Executor {
    fn wake(self: Arc<Self>) {
        self.wakes.fetch_add(1, Ordering::SeqCst);
    }
}

/// Pending once (after waking its task), then ready; reports whether it saw `expected`.
struct Check<'a> {
    expected: &'a Waker,
    polled: bool,
    name: &'static str,
}

impl Future for Check<'_> {
    type Output = &'static str;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<&'static str> {
        println!("{}: will_wake {}", self.name, cx.waker().will_wake(self.expected));
        if self.polled {
            Poll::Ready(self.name)
        } else {
            self.polled = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

fn check<'a>(expected: &'a Waker, name: &'static str) -> Check<'a> {
    Check { expected, polled: false, name }
}

async gen fn inner<'a>(w: &'a Waker) -> &'static str {
    yield check(w, "nested async gen").await;
}

async gen fn outer<'a>(w: &'a Waker) -> &'static str {
    yield check(w, "body").await;
    yield async { check(w, "async block").await }.await;
    println!("{}", check(w, "macro argument").await);
    for await name in inner(w) {
        yield name;
    }
}

fn main() {
    let executor = Arc::new(Executor { wakes: AtomicUsize::new(0) });
    let waker = Waker::from(executor.clone());
    let mut cx = Context::from_waker(&waker);
    let mut g = pin!(outer(&waker));
    let mut pendings = 0;
    loop {
        match g.as_mut().poll_next(&mut cx) {
            Poll::Ready(Some(name)) => println!("yielded {name}"),
            Poll::Ready(None) => break,
            Poll::Pending => pendings += 1,
        }
    }
    println!("{pendings} pending, {} wakes", executor.wakes.load(Ordering::SeqCst));
}
