// Borrowing a field of a `gen move` block's capture across `yield` is E0626, also when the
// block uses the variable only through fields (and captures only them).
#![feature(gen_blocks)]

struct P {
    name: String,
    n: usize,
}

fn main() {
    let p = P { name: "ab".into(), n: 3 };
    let g = gen move {
        let r = &p.name; //~ ERROR: borrow may still be in use when `gen` block yields
        yield 1;
        yield r.len();
    };
    println!("{:?} {}", g.collect::<Vec<_>>(), p.n);
}
