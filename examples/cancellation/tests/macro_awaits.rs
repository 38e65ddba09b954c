//! Futures awaited inside tokio's `select!` and `join!` in an `async gen` body: the lowering
//! cannot see those `.await`s (they are in the macros' expansions), so the futures are polled
//! with a waker that forwards to the task's. Timers and channels must still wake the task, on
//! the multi-threaded runtime too (the wake-up comes from another thread).
#![feature(gen_blocks, async_iterator, async_for_loop)]

use std::time::Duration;

use tokio::sync::mpsc;
use tokio::time::{sleep, timeout};

const LIMIT: Duration = Duration::from_secs(10);

async gen fn first_of(mut rx: mpsc::Receiver<u32>, rounds: u32) -> u32 {
    for round in 0..rounds {
        tokio::select! {
            Some(v) = rx.recv() => yield v,
            _ = sleep(Duration::from_millis(5)) => yield 1000 + round,
        }
        let (a, b) = tokio::join!(
            async { sleep(Duration::from_millis(1)).await; round },
            async { tokio::task::yield_now().await; round * 2 },
        );
        yield a + b;
    }
}

async fn drain(rounds: u32, send: bool) -> Vec<u32> {
    let (tx, rx) = mpsc::channel(4);
    let sender = tokio::spawn(async move {
        if send {
            for v in [7, 8] {
                sleep(Duration::from_millis(1)).await;
                if tx.send(v).await.is_err() {
                    break;
                }
            }
        }
        // (Without `send`, the channel stays open and empty: only the timer can fire.)
        sleep(Duration::from_millis(200)).await;
    });
    let mut seen = Vec::new();
    for await v in first_of(rx, rounds) {
        seen.push(v);
    }
    sender.abort();
    seen
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn select_and_join_inside_an_async_gen_wake_the_task() {
    let seen = timeout(LIMIT, drain(3, false)).await.expect("the task was never woken");
    assert_eq!(seen, [1000, 0, 1001, 3, 1002, 6]);
    let seen = timeout(LIMIT, drain(2, true)).await.expect("the task was never woken");
    assert_eq!(seen.len(), 4);
    assert_eq!([seen[1], seen[3]], [0, 3]);
}

#[tokio::test(flavor = "current_thread")]
async fn select_and_join_inside_an_async_gen_wake_the_task_on_one_thread() {
    let seen = timeout(LIMIT, drain(3, false)).await.expect("the task was never woken");
    assert_eq!(seen, [1000, 0, 1001, 3, 1002, 6]);
}
