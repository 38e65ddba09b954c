// A macro invoked inside a gen body that expands to `yield`.
// FIXME(yieldc): nightly accepts it and runs it; yieldc rejects it with E0658@7, E0658@8, E0727@7, E0727@8 (see the nightly-diff allow file).
#![feature(gen_blocks)]

macro_rules! emit_twice {
    ($e:expr) => {
        yield $e;
        //~^ ERROR: yield syntax is experimental
        //~| ERROR: yield syntax is experimental
        //~| ERROR: yield syntax is experimental
        //~| ERROR: yield syntax is experimental
        //~| ERROR: yield syntax is experimental
        //~| ERROR: `async` coroutines are not yet supported
        //~| ERROR: yield syntax is experimental
        //~| ERROR: `async` coroutines are not yet supported
        //~| ERROR: yield syntax is experimental
        //~| ERROR: `async` coroutines are not yet supported
        //~| ERROR: yield syntax is experimental
        //~| ERROR: `async` coroutines are not yet supported
        yield $e;
        //~^ ERROR: yield syntax is experimental
        //~| ERROR: yield syntax is experimental
        //~| ERROR: yield syntax is experimental
        //~| ERROR: yield syntax is experimental
        //~| ERROR: yield syntax is experimental
        //~| ERROR: `async` coroutines are not yet supported
        //~| ERROR: yield syntax is experimental
        //~| ERROR: `async` coroutines are not yet supported
        //~| ERROR: yield syntax is experimental
        //~| ERROR: `async` coroutines are not yet supported
        //~| ERROR: yield syntax is experimental
        //~| ERROR: `async` coroutines are not yet supported
    };
}

fn main() {
    let g = gen {
        emit_twice!(1);
        emit_twice!(2);
    };
    println!("{:?}", g.collect::<Vec<_>>());
}
