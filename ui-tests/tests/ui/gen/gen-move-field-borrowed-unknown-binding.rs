//@run
// FIXME(yieldc): nightly rejects this with E0626 (`p` is owned by the generator, and `r`
// borrows `p.a` across a `yield`). yieldc cannot tell from the text whether `p` (a call's
// result, used only through fields) is owned or a reference, so the block gets no check copy
// and is boxed, which is sound for the self-borrow: it compiles and prints `[3, 5]`.
#![feature(gen_blocks)]

struct P {
    a: String,
    b: u32,
}

fn make() -> P {
    P { a: "hello".into(), b: 3 }
}

fn main() {
    let p = make();
    let g = gen move {
        let r = &p.a;
        yield p.b;
        yield r.len() as u32;
    };
    println!("{:?}", g.collect::<Vec<_>>());
}
