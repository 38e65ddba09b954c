//@run
// A closure that returns a generator (`|| gen { .. }`, `iter!(..)`) inside a generator with a
// check copy: the copy gave the inner generator's `yield`s the outer one's guarded
// assignments, so the closure captured the outer's locals by mutable reference, was `FnMut`,
// and the copy failed to build ("yieldc could not compile its lowering of a generator").
#![feature(gen_blocks, iter_macro, yield_expr)]

use std::iter::iter;

gen fn outer(limit: u32) -> u32 {
    let seen = 1;
    let inner = || gen { yield seen; };
    let a: Vec<u32> = inner().collect();
    let b: Vec<u32> = inner().collect();
    for x in a {
        yield x + limit;
    }
    for x in b {
        yield x + limit;
    }
}

gen fn with_iter(limit: u32) -> u32 {
    let seen = 2;
    let inner = iter!(|| { yield seen; });
    let a: Vec<u32> = inner().collect();
    let b: Vec<u32> = inner().collect();
    for x in a.into_iter().chain(b) {
        yield x * limit;
    }
}

fn main() {
    println!("{:?}", outer(7).collect::<Vec<_>>());
    println!("{:?}", with_iter(3).collect::<Vec<_>>());
    let mut total = 0;
    let counted = gen {
        let step = 5;
        let make = || gen { yield step; yield step * 2; };
        for x in make() {
            total += x;
        }
        yield total;
    };
    println!("{:?}", counted.collect::<Vec<_>>());
}
