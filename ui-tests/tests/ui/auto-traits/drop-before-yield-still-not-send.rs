// An explicit `drop(rc)` before the yield does not make the gen `Send`.
// FIXME(yieldc): nightly accepts it; yieldc rejects it with -@9 (see the nightly-diff allow file).
#![feature(gen_blocks)]

use std::rc::Rc;

fn assert_send<T: Send>(_: T) {}

fn main() {
    assert_send(gen { //~ ERROR: cannot be sent between threads safely
        let rc = Rc::new(1);
        drop(rc);
        yield 1;
    });
}
