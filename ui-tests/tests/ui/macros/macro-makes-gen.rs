// A `macro_rules!` macro expanding to a gen block.
// FIXME(yieldc): nightly accepts it and runs it; yieldc rejects it with E0658@7, E0658@9 (see the nightly-diff allow file).
#![feature(gen_blocks)]

macro_rules! repeat {
    ($value:expr, $times:expr) => {
        gen move { //~ ERROR: gen blocks are experimental
            for _ in 0..$times {
                yield $value;
                //~^ ERROR: yield syntax is experimental
                //~| ERROR: yield syntax is experimental
            }
        }
    };
}

fn main() {
    println!("{:?}", repeat!('z', 3).collect::<String>());
}
