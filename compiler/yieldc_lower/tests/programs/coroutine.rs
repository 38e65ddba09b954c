#![feature(coroutines, coroutine_trait, stmt_expr_attributes, iter_from_coroutine)]

use std::ops::{Coroutine, CoroutineState};
use std::pin::Pin;

fn main() {
    // Resume arguments: the parameter binds the first, each `yield` evaluates to the next.
    let mut adder = #[coroutine]
    |first: i32| {
        let mut total = first;
        loop {
            let next: i32 = yield total;
            if next < 0 {
                return format!("done at {total}");
            }
            total += next;
        }
    };
    for input in [1, 2, 3, -1] {
        match Pin::new(&mut adder).resume(input) {
            CoroutineState::Yielded(total) => println!("yielded {total}"),
            CoroutineState::Complete(message) => println!("complete: {message}"),
        }
    }

    // No parameter: resumed with `()`.
    let mut countdown = #[coroutine]
    move || {
        for i in (1..=3).rev() {
            yield i;
        }
        "liftoff"
    };
    loop {
        match Pin::new(&mut countdown).resume(()) {
            CoroutineState::Yielded(i) => println!("{i}"),
            CoroutineState::Complete(text) => {
                println!("{text}");
                break;
            }
        }
    }

    // `static` coroutines may borrow their own locals across `yield`.
    let mut borrowing = #[coroutine]
    static || {
        let data = [10, 20, 30];
        for x in &data {
            yield *x;
        }
    };
    let mut pinned = Box::pin(borrowing);
    while let CoroutineState::Yielded(x) = pinned.as_mut().resume(()) {
        println!("static yielded {x}");
    }

    // `from_coroutine`.
    let squares = std::iter::from_coroutine(
        #[coroutine]
        || {
            for i in 1..5u64 {
                yield i * i;
            }
        },
    );
    println!("{:?}", squares.collect::<Vec<_>>());
}
