// The iterator of a `gen fn` is opaque: it is not known to be `FusedIterator`.
#![feature(gen_blocks)]

use std::iter::FusedIterator;

gen fn one() -> u8 {
    yield 1;
}

fn wants_fused(_: impl FusedIterator) {}

fn main() {
    wants_fused(one()); //~ ERROR: the trait bound `impl Iterator<Item = u8>
}
