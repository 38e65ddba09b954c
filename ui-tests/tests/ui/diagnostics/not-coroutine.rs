// A gen block is not a `Coroutine`.
#![feature(gen_blocks, coroutine_trait)]

use std::ops::Coroutine;

fn needs_coroutine<C: Coroutine>(_: C) {}

fn main() {
    needs_coroutine(gen { //~ ERROR: the trait bound
        yield 1;
    });
}
