//@run
// Iterator adapters over a gen block.
#![feature(gen_blocks)]

fn main() {
    let total: u32 = gen {
        for i in 1..=10 {
            yield i;
        }
    }
    .filter(|n| n % 2 == 0)
    .map(|n| n * n)
    .sum();
    println!("{total}");
}
