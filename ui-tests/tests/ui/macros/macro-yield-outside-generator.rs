// A macro whose body yields, expanded outside any generator: nightly's two errors at its `yield`.
#![feature(gen_blocks)]

macro_rules! emit {
    ($e:expr) => {
        yield $e
        //~^ ERROR: `yield` can only be used in `#[coroutine]` closures, or `gen` blocks
        //~| ERROR: yield expression outside of coroutine literal
    };
}

fn main() {
    emit!(1);
    let g = gen {
        emit!(2);
    };
    println!("{:?}", g.collect::<Vec<_>>());
}
