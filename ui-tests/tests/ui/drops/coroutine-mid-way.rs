//@run
// Dropping a suspended coroutine drops its live locals in reverse order.
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]

use std::ops::Coroutine;
use std::pin::Pin;

struct Noisy(&'static str);
impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn main() {
    let mut c = #[coroutine]
    || {
        let _a = Noisy("a");
        let _b = Noisy("b");
        yield 1;
        yield 2;
    };
    let _ = Pin::new(&mut c).resume(());
    drop(c);
    println!("done");
}
