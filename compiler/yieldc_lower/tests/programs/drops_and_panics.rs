#![feature(gen_blocks, coroutines, coroutine_trait, stmt_expr_attributes)]

use std::ops::{Coroutine, CoroutineState};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::pin::Pin;

struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn message(payload: Box<dyn std::any::Any + Send>) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        text.to_string()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "?".to_string()
    }
}

gen fn explode() -> u8 {
    yield 1;
    panic!("boom");
}

fn main() {
    std::panic::set_hook(Box::new(|_| {}));

    // Dropped mid-way: live locals drop in reverse order, then captures.
    let captured = Noisy("captured");
    let mut g = gen move {
        let _first = Noisy("first");
        let _second = Noisy("second");
        yield 1;
        let _ = &captured;
        yield 2;
    };
    println!("{:?}", g.next());
    drop(g);
    println!("after drop");

    // Completion drops locals before `None`.
    let mut h = gen {
        let _local = Noisy("local");
        yield 1;
    };
    println!("{:?}", h.next());
    println!("{:?}", h.next());
    println!("{:?}", h.next());

    // Resuming after a panic.
    let mut e = explode();
    println!("{:?}", e.next());
    let first = catch_unwind(AssertUnwindSafe(|| e.next())).map_err(message);
    println!("{first:?}");
    let second = catch_unwind(AssertUnwindSafe(|| e.next())).map_err(message);
    println!("{second:?}");

    // Coroutines: after completion and after a panic.
    let mut done = #[coroutine]
    || {
        yield 1;
    };
    println!("{:?}", Pin::new(&mut done).resume(()));
    println!("{:?}", Pin::new(&mut done).resume(()));
    let again = catch_unwind(AssertUnwindSafe(|| Pin::new(&mut done).resume(()))).map_err(message);
    println!("{again:?}");

    let mut bad = #[coroutine]
    || {
        yield 1;
        panic!("inner");
    };
    println!("{:?}", Pin::new(&mut bad).resume(()));
    let first = catch_unwind(AssertUnwindSafe(|| Pin::new(&mut bad).resume(()))).map_err(message);
    println!("{first:?}");
    let second = catch_unwind(AssertUnwindSafe(|| Pin::new(&mut bad).resume(()))).map_err(message);
    match second {
        Ok(CoroutineState::Yielded(v)) => println!("yielded {v}"),
        Ok(CoroutineState::Complete(())) => println!("complete"),
        Err(text) => println!("panicked: {text}"),
    }
}
