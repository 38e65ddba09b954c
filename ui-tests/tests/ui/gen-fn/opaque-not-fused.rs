//@run
// The iterator a `gen fn` returns is opaque; `.fuse()` makes it fused.
#![feature(gen_blocks)]

use std::iter::FusedIterator;

gen fn one() -> u8 {
    yield 1;
}

fn wants_fused(it: impl FusedIterator<Item = u8>) -> usize {
    it.count()
}

fn main() {
    println!("{}", wants_fused(one().fuse()));
}
