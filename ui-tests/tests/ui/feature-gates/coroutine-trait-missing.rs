// `std::ops::Coroutine` without `#![feature(coroutine_trait)]`.
// FIXME(yieldc): nightly rejects it with E0658@4, E0658@12; yieldc accepts it (see the nightly-diff allow file).
//@check-pass
#![feature(coroutines, stmt_expr_attributes)]

use std::ops::Coroutine;
use std::pin::Pin;

fn main() {
    let mut c = #[coroutine]
    || {
        yield 1;
    };
    let _ = Pin::new(&mut c).resume(());
}
