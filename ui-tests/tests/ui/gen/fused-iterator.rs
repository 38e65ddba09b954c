//@run
// A gen block is a `FusedIterator`.
#![feature(gen_blocks)]

use std::iter::FusedIterator;

fn drain(it: impl FusedIterator<Item = u32>) -> u32 {
    it.sum()
}

fn main() {
    println!("{}", drain(gen {
        yield 20;
        yield 22;
    }));
}
