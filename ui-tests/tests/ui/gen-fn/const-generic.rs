//@run
// A const generic parameter in a `gen fn`.
#![feature(gen_blocks)]

gen fn multiples<const N: usize>(count: usize) -> usize {
    for i in 1..=count {
        yield i * N;
    }
}

fn main() {
    println!("{:?}", multiples::<5>(3).collect::<Vec<_>>());
}
