//@run
// A `gen` block yields its items in order and is an `Iterator`.
#![feature(gen_blocks)]

fn main() {
    let items: Vec<u32> = gen {
        yield 1;
        yield 2;
        yield 3;
    }
    .collect();
    println!("{items:?}");
}
