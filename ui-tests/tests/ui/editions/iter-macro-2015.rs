//@run
//@edition:2015
// `iter!` in edition 2015 (where `async` and `await` are identifiers), with arguments and a
// `yield` from a macro.
#![feature(iter_macro, yield_expr)]

use std::iter::iter;

macro_rules! twice {
    ($e:expr) => {
        yield $e;
        yield $e;
    };
}

fn main() {
    let async = 1;
    let make = iter!(|| {
        yield 15;
        twice!(async);
    });
    println!("{:?}", make().collect::<Vec<_>>());
    let up_to = iter!(|n: u32| {
        for i in 0..n {
            yield i;
        }
    });
    println!("{:?}", up_to(3).collect::<Vec<_>>());
}
