// An `iter!` nested in another borrows the outer one's loop variable across its own `yield`:
// nightly's E0626 ("`gen` closure body"), once. (The check copy's own "captured variable cannot
// escape `FnMut` closure body", from inside the runtime's macro, is not shown.)
#![feature(iter_macro, yield_expr)]
use std::iter::iter;

fn main() {
    let pairs = iter!(|n: u32| {
        for a in 0..n {
            let inner = iter!(|| { yield a; });
            //~^ ERROR: borrow may still be in use when `gen` closure body yields
            for x in inner() { yield (a, x); }
        }
    });
    println!("{:?}", pairs(2).collect::<Vec<_>>());
}
