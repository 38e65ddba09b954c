// A macro defining `gen fn`s.
// FIXME(yieldc): nightly accepts it and runs it; yieldc rejects it with E0658@7, E0658@9 (see the nightly-diff allow file).
#![feature(gen_blocks)]

macro_rules! counter {
    ($name:ident, $n:expr) => {
        gen fn $name() -> u32 {
        //~^ ERROR: gen blocks are experimental
        //~| ERROR: gen blocks are experimental
            for i in 0..$n {
                yield i;
                //~^ ERROR: yield syntax is experimental
                //~| ERROR: yield syntax is experimental
                //~| ERROR: yield syntax is experimental
                //~| ERROR: yield syntax is experimental
            }
        }
    };
}

counter!(two, 2);
counter!(three, 3);

fn main() {
    println!("{:?} {:?}", two().collect::<Vec<_>>(), three().collect::<Vec<_>>());
}
