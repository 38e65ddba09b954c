// An `iter!` closure that borrows a `gen fn`'s local, alive across the `gen fn`'s `yield`:
// nightly's E0626 spans the whole closure (a coroutine closure), not its parameter list.
#![feature(gen_blocks, iter_macro, yield_expr)]

use std::iter::iter;

gen fn outer(limit: u32) -> u32 {
    let seen = 0;
    let inner = iter!(|| { yield seen; });
    //~^ ERROR: borrow may still be in use when `gen` fn body yields
    for x in inner() {
        yield x + limit;
    }
}

fn main() {
    println!("{:?}", outer(7).collect::<Vec<_>>());
}
