//@run
// A `static` coroutine may hold a borrow of its own local across `yield`; it is pinned.
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]

use std::ops::Coroutine;

fn main() {
    let mut c = Box::pin(
        #[coroutine]
        static || {
            let data = vec![1, 2, 3];
            for x in &data {
                yield *x;
            }
        },
    );
    while let std::ops::CoroutineState::Yielded(x) = c.as_mut().resume(()) {
        println!("{x}");
    }
}
