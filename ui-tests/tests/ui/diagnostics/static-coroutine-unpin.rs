// A `static` coroutine is not `Unpin`.
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]

use std::ops::Coroutine;
use std::pin::Pin;

fn main() {
    let mut c = #[coroutine]
    static || {
        yield 1;
    };
    let _ = Pin::new(&mut c).resume(());
    //~^ ERROR: cannot be unpinned
}
