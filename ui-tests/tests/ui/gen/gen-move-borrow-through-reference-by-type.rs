// A `gen move` block that borrows a field through a captured reference across a `yield`,
// where the variable is a reference by its type only (`for p in items` over a `&[P]`).
// FIXME(yieldc): nightly accepts it (the place is behind the reference, not in the generator)
// and prints `[1, 2]`; the check copy cannot tell `p` from an owned struct, names `p.a` through
// a shadow local, and reports E0626 (see the nightly-diff allow file). A variable that every
// binding makes a reference by its syntax is rebound whole (gen-move-borrow-through-captured-
// reference.rs).
#![feature(gen_blocks)]

struct P {
    a: String,
    b: u32,
}

fn show(items: &[P]) {
    for p in items {
        let g = gen move {
            let r = &p.a; //~ ERROR: borrow may still be in use when `gen` block yields
            yield p.b;
            yield r.len() as u32;
        };
        println!("{:?}", g.collect::<Vec<_>>());
    }
}

fn main() {
    show(&[P { a: "a".into(), b: 1 }]);
}
