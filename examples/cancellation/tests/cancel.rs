//! Dropping a half-consumed async generator runs its destructors; slow consumers never make
//! a generator buffer.
#![feature(gen_blocks, async_iterator, async_for_loop)]

use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use cancellation::{Counters, Noisy, numbers, ticks};
use tokio::time::timeout;

const LIMIT: Duration = Duration::from_secs(10);

fn log() -> Arc<Mutex<Vec<&'static str>>> {
    Arc::default()
}

#[tokio::test]
async fn dropping_a_half_consumed_generator_runs_its_destructors_in_reverse_order() {
    let log = log();
    let counters = Arc::new(Counters::default());
    {
        let mut taken = Vec::new();
        let generator = numbers(log.clone(), counters.clone());
        for await n in generator {
            taken.push(n);
            if n == 2 {
                break; // the loop's pinned generator is dropped here
            }
        }
        assert_eq!(taken, [0, 1, 2]);
    }
    // Each finished iteration dropped its `inner`; the suspended one drops `inner` then
    // `outer` (reverse declaration order), like nightly.
    assert_eq!(*log.lock().unwrap(), ["inner", "inner", "inner", "outer"]);
    assert_eq!(counters.produced.load(Ordering::SeqCst), 3);
}

#[tokio::test]
async fn a_timeout_select_or_abort_cancels_the_consumer_and_drops_the_generator() {
    // Timeout around a `for await` over an endless, slow generator.
    let log = log();
    let counters = Arc::new(Counters::default());
    let consumer = async {
        for await _ in ticks(u64::MAX, Duration::from_millis(5), counters.clone()) {}
    };
    let guard = Noisy { name: "consumer", log: log.clone() };
    let result = timeout(Duration::from_millis(50), async move {
        let _guard = guard;
        consumer.await
    })
    .await;
    assert!(result.is_err());
    assert_eq!(*log.lock().unwrap(), ["consumer"]);
    assert!(counters.produced.load(Ordering::SeqCst) >= 1);

    // `select!`: the losing branch's generator is dropped.
    let log = self::log();
    let counters = Arc::new(Counters::default());
    // (The loop sits outside the macro: yieldc does not lower `for await` inside macro
    // arguments yet.)
    let endless = async {
        for await _ in numbers(log.clone(), counters.clone()) {
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
    };
    tokio::select! {
        _ = endless => unreachable!(),
        _ = tokio::time::sleep(Duration::from_millis(30)) => {}
    }
    assert_eq!(log.lock().unwrap().last(), Some(&"outer"));

    // An aborted task.
    let log = self::log();
    let counters = Arc::new(Counters::default());
    let task = tokio::spawn({
        let (log, counters) = (log.clone(), counters.clone());
        async move {
            for await _ in numbers(log, counters) {
                tokio::time::sleep(Duration::from_millis(1)).await;
            }
        }
    });
    tokio::time::sleep(Duration::from_millis(20)).await;
    task.abort();
    assert!(timeout(LIMIT, task).await.unwrap().unwrap_err().is_cancelled());
    assert_eq!(log.lock().unwrap().last(), Some(&"outer"));
}

#[tokio::test]
async fn a_slow_consumer_never_lets_the_generator_run_ahead() {
    let log = log();
    let counters = Arc::new(Counters::default());
    let mut max_ahead = 0;
    for await n in numbers(log.clone(), counters.clone()) {
        counters.consumed.fetch_add(1, Ordering::SeqCst);
        let ahead = counters.produced.load(Ordering::SeqCst) - counters.consumed.load(Ordering::SeqCst);
        max_ahead = max_ahead.max(ahead);
        tokio::time::sleep(Duration::from_millis(2)).await; // slow consumer
        if n == 30 {
            break;
        }
    }
    assert_eq!(max_ahead, 0, "the generator produced an item nobody asked for");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn through_a_bounded_channel_the_producer_is_held_to_the_capacity() {
    const CAPACITY: usize = 4;
    let log = log();
    let counters = Arc::new(Counters::default());
    let (sender, mut receiver) = tokio::sync::mpsc::channel::<u64>(CAPACITY);
    let producer = tokio::spawn({
        let counters = counters.clone();
        async move {
            for await n in numbers(log, counters) {
                if n == 200 || sender.send(n).await.is_err() {
                    break;
                }
            }
        }
    });
    let mut max_ahead = 0;
    let mut expected = 0;
    while let Some(n) = timeout(LIMIT, receiver.recv()).await.unwrap() {
        assert_eq!(n, expected);
        expected += 1;
        let consumed = counters.consumed.fetch_add(1, Ordering::SeqCst) + 1;
        let ahead = counters.produced.load(Ordering::SeqCst) - consumed;
        max_ahead = max_ahead.max(ahead);
        if n % 20 == 0 {
            tokio::time::sleep(Duration::from_millis(3)).await; // slow, in bursts
        }
    }
    timeout(LIMIT, producer).await.unwrap().unwrap();
    assert_eq!(expected, 200);
    // At most the channel's capacity, plus the item being sent, plus the one being produced.
    assert!(max_ahead <= CAPACITY as u64 + 2, "ran ahead by {max_ahead}");
}

/// Async generators are `Stream`s: `tokio_stream::StreamExt` adapters work on them, and
/// `for await` takes the adapted stream as it is.
#[tokio::test]
async fn tokio_stream_adapters_and_for_await_over_a_stream() {
    use tokio_stream::StreamExt;
    let counters = Arc::new(Counters::default());
    let doubled = ticks(10, Duration::from_millis(1), counters.clone())
        .map(|n| n * 2)
        .filter(|n| n % 3 == 0)
        .take(3);
    let mut seen = Vec::new();
    for await n in doubled {
        seen.push(n);
    }
    assert_eq!(seen, [0, 6, 12]);
    // `take(3)` stopped pulling: the generator produced 7 items (0..=6), not 10.
    assert_eq!(counters.produced.load(Ordering::SeqCst), 7);

    // A plain tokio-stream stream, not a generator.
    let mut total = 0;
    for await n in tokio_stream::iter(1..=4) {
        total += n;
    }
    assert_eq!(total, 10);
}
