//@run
// Parameters of an `iter!` closure the body never uses: nightly's "unused variable" warnings,
// at the parameters (the generator's binding of each is a copy of the parameter's name).
#![feature(iter_macro, yield_expr)]

use std::iter::iter;

fn main() {
    let it = iter!(|(a, b): (u8, u8), unused: u8, _skipped: u8| {
        let mut x = a;
        yield x;
    });
    println!("{:?}", it((1, 2), 3, 4).collect::<Vec<_>>());
}
