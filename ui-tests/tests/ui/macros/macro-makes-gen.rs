//@run
// A `macro_rules!` macro expanding to a gen block.
#![feature(gen_blocks)]

macro_rules! repeat {
    ($value:expr, $times:expr) => {
        gen move {
            for _ in 0..$times {
                yield $value;
            }
        }
    };
}

fn main() {
    println!("{:?}", repeat!('z', 3).collect::<String>());
}
