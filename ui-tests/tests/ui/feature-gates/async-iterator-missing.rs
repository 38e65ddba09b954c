// `std::async_iter::AsyncIterator` without `#![feature(async_iterator)]`.
#![feature(gen_blocks)]

use std::async_iter::AsyncIterator; //~ ERROR: use of unstable library feature `async_iterator`

fn main() {
    let g = async gen {
        yield 1;
    };
    println!("{:?}", g.size_hint()); //~ ERROR: use of unstable library feature `async_iterator`
}
