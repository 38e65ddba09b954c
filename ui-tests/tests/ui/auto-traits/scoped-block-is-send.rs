//@run
// An `Rc` confined to a block that ends before the yield keeps the gen `Send`.
#![feature(gen_blocks)]

use std::rc::Rc;

fn assert_send<T: Send>(t: T) -> T {
    t
}

fn main() {
    let g = assert_send(gen {
        let n = {
            let rc = Rc::new(5);
            *rc
        };
        yield n;
    });
    println!("{:?}", g.collect::<Vec<_>>());
}
