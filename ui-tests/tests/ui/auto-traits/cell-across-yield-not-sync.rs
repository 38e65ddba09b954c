// A `Cell` live across a `yield` makes the gen `!Sync`.
#![feature(gen_blocks)]

use std::cell::Cell;

fn assert_sync<T: Sync>(_: &T) {}

fn main() {
    let g = gen {
        let c = Cell::new(1);
        yield c.get();
        c.set(2);
    };
    assert_sync(&g); //~ ERROR: cannot be shared between threads safely
}
