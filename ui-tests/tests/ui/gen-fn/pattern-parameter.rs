//@run
// Patterns in `gen fn` parameters.
#![feature(gen_blocks)]

gen fn range((start, end): (u8, u8), _: &str) -> u8 {
    for i in start..end {
        yield i;
    }
}

fn main() {
    println!("{:?}", range((2, 5), "unused").collect::<Vec<_>>());
}
