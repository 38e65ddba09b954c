//! Throughput of the two ports: items per second through `sum` (best of 5 runs).
//! `cargo run --release -p paginate-bench [ITEMS]`

use std::time::Instant;

use paginate_api::{Api, block_on};

fn best_of<F: FnMut() -> u64>(runs: usize, mut f: F) -> (f64, u64) {
    let mut best = f64::MAX;
    let mut result = 0;
    for _ in 0..runs {
        let start = Instant::now();
        result = std::hint::black_box(f());
        best = best.min(start.elapsed().as_secs_f64());
    }
    (best, result)
}

fn main() {
    let items: u64 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(10_000_000);
    let api = Api::new(items, 100);
    let (a, sum_a) = best_of(5, || block_on(paginate_async_stream::sum(&api)).unwrap());
    let (y, sum_y) = best_of(5, || block_on(paginate_yieldc::sum(&api)).unwrap());
    assert_eq!(sum_a, sum_y);
    println!("items: {items}, page size 100");
    println!("async-stream: {:>8.1} M items/s ({:.1} ms)", items as f64 / a / 1e6, a * 1e3);
    println!("yieldc:       {:>8.1} M items/s ({:.1} ms)", items as f64 / y / 1e6, y * 1e3);
    println!("yieldc / async-stream throughput: {:.2}", a / y);
}
