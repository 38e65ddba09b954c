// `#[coroutine]` on a closure expression needs `stmt_expr_attributes`.
#![feature(coroutines)]

fn main() {
    let _c = #[coroutine] //~ ERROR: attributes on expressions are experimental
    || {
        yield 1;
    };
}
