//@run
// Without `->`, a `gen fn` yields `()`.
#![feature(gen_blocks)]

gen fn ticks(n: usize) {
    for _ in 0..n {
        yield;
    }
}

fn main() {
    let all: Vec<()> = ticks(3).collect();
    println!("{all:?}");
}
