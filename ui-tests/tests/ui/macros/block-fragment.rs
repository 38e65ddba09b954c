// A `$body:block` fragment made into a gen block.
// FIXME(yieldc): nightly accepts it and runs it; yieldc rejects it with E0658@7, E0658@13, E0658@14 (see the nightly-diff allow file).
#![feature(gen_blocks)]

macro_rules! make_gen {
    ($body:block) => {
        gen $body //~ ERROR: gen blocks are experimental
    };
}

fn main() {
    let g = make_gen!({
        yield 10;
        //~^ ERROR: yield syntax is experimental
        //~| ERROR: yield syntax is experimental
        yield 20;
        //~^ ERROR: yield syntax is experimental
        //~| ERROR: yield syntax is experimental
    });
    println!("{:?}", g.collect::<Vec<_>>());
}
