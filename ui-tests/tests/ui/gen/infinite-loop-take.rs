//@run
// An endless body is fine: the consumer decides when to stop.
#![feature(gen_blocks)]

fn main() {
    let squares: Vec<u64> = gen {
        let mut n = 0u64;
        loop {
            yield n * n;
            n += 1;
        }
    }
    .take(6)
    .collect();
    println!("{squares:?}");
}
