// `std::async_iter::AsyncIterator` without `#![feature(async_iterator)]`.
// FIXME(yieldc): nightly rejects it with E0658@4, E0658@10; yieldc accepts it (see the nightly-diff allow file).
//@check-pass
#![feature(gen_blocks)]

use std::async_iter::AsyncIterator;

fn main() {
    let g = async gen {
        yield 1;
    };
    println!("{:?}", g.size_hint());
}
