// `.await` in a sync `gen fn`, method and `#[coroutine]` closure: E0728 labels what rustc
// calls the current item: a fn item's signature, a closure's head, nothing for a method.
#![feature(gen_blocks, coroutines, stmt_expr_attributes)]

async fn one() -> u32 {
    1
}

pub gen fn numbers<T>(_t: T) -> u32
where
    T: Copy,
{
    yield one().await; //~ ERROR: `await` is only allowed inside `async` functions and blocks
}

struct S;

impl S {
    gen fn method(&self) -> u32 {
        yield one().await; //~ ERROR: `await` is only allowed inside `async` functions and blocks
    }
}

fn main() {
    let _c = #[coroutine] static move |x: u32| {
        yield one().await; //~ ERROR: `await` is only allowed inside `async` functions and blocks
        x
    };
    let _ = numbers(1);
    let _ = S.method();
}
