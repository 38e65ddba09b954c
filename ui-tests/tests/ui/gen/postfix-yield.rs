//@run
// Postfix `e.yield` is the same as `yield e`.
#![feature(gen_blocks)]

fn main() {
    let items: Vec<i32> = gen {
        1.yield;
        (1 + 1).yield;
        yield 3;
    }
    .collect();
    println!("{items:?}");
}
