//@run
// An `Rc` moved into `drop` before the yield is not part of the gen's state: the gen is `Send`,
// as on nightly (yieldc's check copy does not suspend, so it keeps no local across a yield).
#![feature(gen_blocks)]

use std::rc::Rc;

fn assert_send<T: Send>(t: T) -> T {
    t
}

fn main() {
    let g = assert_send(gen {
        let rc = Rc::new(1);
        drop(rc);
        yield 1;
    });
    println!("{:?}", g.collect::<Vec<_>>());
}
