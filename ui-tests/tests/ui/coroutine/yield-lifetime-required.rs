// A coroutine returned as `impl Coroutine<Yield = &'a str>` that yields a reference with
// another lifetime: nightly's E0621 on the coroutine (the yield type is invariant in its body).
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]
use std::ops::Coroutine;

fn pick<'a>(a: &'a str, b: &str) -> impl Coroutine<Yield = &'a str, Return = ()> {
    #[coroutine]
    move || { //~ ERROR: explicit lifetime required in the type of `b`
        yield a;
        yield b;
    }
}

fn main() {
    let _ = pick("ab", "c");
}
