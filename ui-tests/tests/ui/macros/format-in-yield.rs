//@run
// `format!` in a `yield` operand.
#![feature(gen_blocks)]

fn main() {
    let g = gen {
        for i in 0..2 {
            yield format!("item {i} of {}", 2);
        }
    };
    println!("{:?}", g.collect::<Vec<_>>());
}
