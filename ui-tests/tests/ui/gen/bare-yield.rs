//@run
// `yield;` yields `()`.
#![feature(gen_blocks)]

fn main() {
    let count = gen {
        yield;
        yield;
    }
    .count();
    println!("{count}");
}
