//@run
// An `iter!` iterator dropped part-way drops its live locals.
#![feature(iter_macro, yield_expr)]

use std::iter::iter;

struct Noisy(&'static str);
impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn main() {
    let make = iter!(|| {
        let _local = Noisy("local");
        yield 1;
        yield 2;
    });
    let mut it = make();
    println!("{:?}", it.next());
    drop(it);
    println!("done");
}
