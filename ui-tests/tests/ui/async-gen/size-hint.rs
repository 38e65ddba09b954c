//@run
// `size_hint` of an `async gen` is `(0, None)`.
#![feature(gen_blocks, async_iterator)]

use std::async_iter::AsyncIterator;

fn main() {
    let g = async gen {
        yield 1;
    };
    println!("{:?}", g.size_hint());
}
