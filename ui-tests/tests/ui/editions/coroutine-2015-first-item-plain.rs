//@run
//@edition:2015
// An edition 2015 crate whose first item has no coroutine syntax and that names no library
// item: the lowering's `::yieldc_rt` paths still need the runtime declared in the crate root.
#![feature(coroutines, stmt_expr_attributes)]

/// A plain item first.
struct Counter(u32);

fn main() {
    let mut counter = Counter(0);
    let _unused = #[coroutine] || {
        yield;
    };
    counter.0 += 1;
    println!("{}", counter.0);
}
