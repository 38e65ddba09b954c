//@run
// `std::ops::Coroutine<..>` and `core::ops::CoroutineState<..>` written in full with generic
// arguments (no `use`) name the runtime's mirrors, arguments kept; so does a turbofish on
// `std::iter::from_coroutine::<..>`. (They stayed `std::ops::..`: E0658 on stable.)
#![feature(coroutines, coroutine_trait, iter_from_coroutine, stmt_expr_attributes)]

use std::pin::Pin;

fn counter() -> impl std::ops::Coroutine<(), Yield = u32, Return = &'static str> {
    #[coroutine]
    || {
        yield 1;
        yield 2;
        "done"
    }
}

fn drive(c: &mut dyn core::ops::Coroutine<Yield = u32, Return = &'static str>) {
    // SAFETY: the coroutine behind `c` is not moved after this (`main` only drops it).
    let mut c = unsafe { Pin::new_unchecked(c) };
    loop {
        match c.as_mut().resume(()) {
            core::ops::CoroutineState::<u32, &'static str>::Yielded(v) => println!("yielded {v}"),
            std::ops::CoroutineState::Complete(r) => {
                println!("returned {r}");
                break;
            }
        }
    }
}

fn main() {
    let mut c = counter();
    drive(&mut c);
    let squares = std::iter::from_coroutine::<_>(#[coroutine] || {
        for i in 1..4u32 {
            yield i * i;
        }
    });
    println!("{:?}", squares.collect::<Vec<_>>());
}
