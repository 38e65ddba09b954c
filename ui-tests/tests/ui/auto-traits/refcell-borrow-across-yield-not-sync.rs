// A `RefCell` borrowed across a `yield` (`yield *cell.borrow()`): the gen is not `Sync`.
// FIXME(yieldc): nightly reports two errors, for the `Ref` temporary's fields (`NonNull<i32>`,
// `Cell<isize>`); yieldc also reports a third, for the `RefCell<i32>` local itself (same
// message, same line).
#![feature(gen_blocks)]
use std::cell::RefCell;

fn assert_sync<T: Sync>(_: &T) {}

fn main() {
    let g = gen {
        let cell = RefCell::new(1);
        yield *cell.borrow();
    };
    assert_sync(&g);
    //~^ ERROR: coroutine cannot be shared between threads safely
    //~| ERROR: coroutine cannot be shared between threads safely
    //~| ERROR: coroutine cannot be shared between threads safely
}
