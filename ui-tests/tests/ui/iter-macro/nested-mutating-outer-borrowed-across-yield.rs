//@run
// FIXME(yieldc): nightly rejects this with E0626 at the inner `iter!` closure (it borrows
// `inner_count` across the outer closure's `yield`). The outer closure's generator mutates a
// capture (`b += v`), so it has no check copy and is boxed, which is sound for the
// self-borrow: it compiles and prints `[6]`.
#![feature(iter_macro, yield_expr)]

use std::iter::iter;

fn main() {
    let mut b = 5;
    let nested = iter!(|| {
        let mut inner_count = 0;
        let deeper = iter!(|| { inner_count += 1; yield inner_count; });
        for v in deeper() {
            b += v;
            yield b;
        }
    });
    println!("{:?}", nested().collect::<Vec<_>>());
}
