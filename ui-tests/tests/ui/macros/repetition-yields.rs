// A macro with a repetition producing one `yield` per argument.
// FIXME(yieldc): nightly accepts it and runs it; yieldc rejects it with E0658@7 (see the nightly-diff allow file).
#![feature(gen_blocks)]

macro_rules! items {
    ($($e:expr),*) => {
        gen { $( yield $e; )* }
        //~^ ERROR: yield syntax is experimental
        //~| ERROR: gen blocks are experimental
        //~| ERROR: yield syntax is experimental
    };
}

fn main() {
    println!("{:?}", items!(3, 1, 4).collect::<Vec<_>>());
}
