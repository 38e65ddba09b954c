//! The example `cargo x install` builds and runs with `cargo +yieldc run`.
#![feature(gen_blocks)]

/// The Fibonacci numbers below `limit`, as a generator.
gen fn fibonacci(limit: u64) -> u64 {
    let (mut a, mut b) = (0, 1);
    while a < limit {
        yield a;
        (a, b) = (b, a + b);
    }
}

fn main() {
    let numbers: Vec<u64> = fibonacci(100).collect();
    println!("hello from yieldc: fibonacci below 100 = {numbers:?}");
    let evens = gen {
        for n in fibonacci(1000) {
            if n % 2 == 0 {
                yield n;
            }
        }
    };
    println!("even ones below 1000: {:?}", evens.collect::<Vec<_>>());
}
