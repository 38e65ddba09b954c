// A `#[coroutine]` closure without `#![feature(coroutines)]`.
#![feature(stmt_expr_attributes)]

fn main() {
    let _c = #[coroutine] //~ ERROR: the `#[coroutine]` attribute is an experimental feature
    || {
        yield 1; //~ ERROR: yield syntax is experimental
    };
}
