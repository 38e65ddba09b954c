// A closure that borrows a local of the generator, called after a `yield`: nightly's E0626
// points at the captured variable's use in the closure (not at the closure's head), and for a
// `#[coroutine]` closure labels its head and suggests `static`.
#![feature(gen_blocks, coroutines, stmt_expr_attributes)]

fn a() -> impl Iterator<Item = usize> {
    gen {
        let v = vec![1u32];
        let f = || v.len(); //~ ERROR: borrow may still be in use when `gen` block yields
        yield 1;
        yield f();
    }
}

fn b() {
    let _c = #[coroutine] move || {
        let mut s = String::new();
        let mut add = |c: char| s.push(c); //~ ERROR: borrow may still be in use when coroutine yields
        yield 1u8;
        add('x');
    };
}

gen fn c(v: Vec<u8>) -> u8 {
    let first = || &v[0]; //~ ERROR: borrow may still be in use when `gen` fn body yields
    yield 1;
    yield *first();
}

fn main() {
    a();
    b();
    let _ = c(vec![1]);
}
