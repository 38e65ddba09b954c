// A postfix `.yield` in a loop over a borrow of a captured `Vec`: nightly's E0626, labelled at
// the whole `EXPR.yield` (the error was lost when the yield was postfix).
#![feature(coroutines, stmt_expr_attributes, gen_blocks)]

fn coroutine(values: Vec<u32>) {
    let _c = #[coroutine]
    move || {
        for value in &values {
            //~^ ERROR: borrow may still be in use when coroutine yields
            (*value + 1).yield;
        }
    };
}

fn generator(values: Vec<u32>) -> impl Iterator<Item = u32> {
    gen move {
        for value in &values {
            //~^ ERROR: borrow may still be in use when `gen` block yields
            (*value).yield;
        }
    }
}

fn main() {
    coroutine(vec![1]);
    let _ = generator(vec![2]);
}
