//@run
// A plain closure returning `gen move` blocks, each call a new generator.
#![feature(gen_blocks)]

fn main() {
    let make = |n: u32| gen move { for i in 0..n { yield i; } };
    let a: Vec<_> = make(2).chain(make(3)).collect();
    println!("{a:?}");
}
