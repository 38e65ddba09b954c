// `iter!` without `#![feature(iter_macro)]`.
// FIXME(yieldc): nightly rejects it with E0658@4, E0658@7; yieldc rejects it with E0658@7 (see the nightly-diff allow file).
#![feature(yield_expr)]

use std::iter::iter;

fn main() {
    let make = iter!(|| { //~ ERROR: use of unstable library feature `iter_macro`
        yield 1;
    });
    println!("{:?}", make().count());
}
