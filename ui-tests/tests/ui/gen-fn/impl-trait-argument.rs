//@run
// `impl Trait` in argument position of a `gen fn`.
#![feature(gen_blocks)]

gen fn scaled(values: impl Iterator<Item = u32>, factor: u32) -> u32 {
    for v in values {
        yield v * factor;
    }
}

fn main() {
    println!("{:?}", scaled(1..4, 10).collect::<Vec<_>>());
}
