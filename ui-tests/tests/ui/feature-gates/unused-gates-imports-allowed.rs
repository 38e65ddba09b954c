//@run
// `#![allow(unused_imports)]` sets the level of `unused_imports` alone: nightly still warns
// about an unused gate (`unused_features` keeps its default level), and the crate's own unused
// import stays allowed.
#![allow(unused_imports)]
#![feature(gen_blocks, async_iterator)]

use std::collections::HashMap;

fn main() {
    let v: Vec<u8> = gen { yield 1; }.collect();
    println!("{v:?}");
}
