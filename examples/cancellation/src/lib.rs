//! Cancellation and back-pressure of async generators, tested in `tests/`.
//!
//! An async generator is pull-based: its body runs only inside `poll_next`, and each `yield`
//! suspends it until the consumer asks for the next item. So a slow consumer slows the
//! producer down instead of making it buffer, and dropping the generator (a cancelled task, a
//! `select!` branch that lost, a timeout) drops its live locals like any future.
#![feature(gen_blocks, async_iterator, async_for_loop)]

use std::sync::{Arc, Mutex};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// Records its name in a shared log when dropped.
pub struct Noisy {
    pub name: &'static str,
    pub log: Arc<Mutex<Vec<&'static str>>>,
}

impl Drop for Noisy {
    fn drop(&mut self) {
        self.log.lock().unwrap().push(self.name);
    }
}

/// Counts produced items (before each `yield`).
#[derive(Default, Debug)]
pub struct Counters {
    pub produced: AtomicU64,
    pub consumed: AtomicU64,
}

/// An endless producer of numbers, with two guards alive across its `yield`s and `.await`s.
pub async gen fn numbers(log: Arc<Mutex<Vec<&'static str>>>, counters: Arc<Counters>) -> u64 {
    let _outer = Noisy { name: "outer", log: log.clone() };
    let mut n = 0;
    loop {
        let _inner = Noisy { name: "inner", log: log.clone() };
        tokio::task::yield_now().await;
        counters.produced.fetch_add(1, Ordering::SeqCst);
        yield n;
        n += 1;
    }
}

/// A producer of `count` items that sleeps `pause` before each.
///
/// Written as a function returning an `async gen` block so that its signature can say
/// `impl Stream`: an `async gen fn` returns `impl AsyncIterator` (nightly's signature), which
/// hides the `Stream` impl from `StreamExt`'s adapters (`for await` takes both).
pub fn ticks(
    count: u64,
    pause: Duration,
    counters: Arc<Counters>,
) -> impl futures_core::Stream<Item = u64> + Send {
    async gen move {
        for i in 0..count {
            tokio::time::sleep(pause).await;
            counters.produced.fetch_add(1, Ordering::SeqCst);
            yield i;
        }
    }
}
