// `std::ops::Coroutine` without `#![feature(coroutine_trait)]`.
#![feature(coroutines, stmt_expr_attributes)]

use std::ops::Coroutine; //~ ERROR: use of unstable library feature `coroutine_trait`
use std::pin::Pin;

fn main() {
    let mut c = #[coroutine]
    || {
        yield 1;
    };
    let _ = Pin::new(&mut c).resume(()); //~ ERROR: use of unstable library feature `coroutine_trait`
}
