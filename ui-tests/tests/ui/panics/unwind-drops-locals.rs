//@run
// A panic in a gen body drops its locals while unwinding, in reverse order.
#![feature(gen_blocks)]

use std::panic::{catch_unwind, AssertUnwindSafe};

struct Noisy(&'static str);
impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn main() {
    std::panic::set_hook(Box::new(|_| println!("panicking")));
    let mut g = gen {
        let _a = Noisy("a");
        yield 1;
        let _b = Noisy("b");
        panic!("boom");
    };
    g.next();
    let result = catch_unwind(AssertUnwindSafe(|| g.next()));
    println!("caught: {}", result.is_err());
    drop(g);
    println!("done");
}
