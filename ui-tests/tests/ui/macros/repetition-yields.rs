//@run
// A macro with a repetition producing one `yield` per argument.
#![feature(gen_blocks)]

macro_rules! items {
    ($($e:expr),*) => {
        gen { $( yield $e; )* }
    };
}

fn main() {
    println!("{:?}", items!(3, 1, 4).collect::<Vec<_>>());
}
