//@run
// A `gen move` block that borrows a field through a captured reference across a `yield`,
// where the variable is a reference by its type only (`for p in items` over a `&[P]`):
// nightly accepts it (the place is behind the reference, not in the generator). The text
// shows neither a reference nor an owned value, so the block gets no check copy (boxed)
// rather than per-place shadows (owned copies, which would report E0626); also for a local
// bound to a call's result.
#![feature(gen_blocks)]

struct P {
    a: String,
    b: u32,
}

fn show(items: &[P]) {
    for p in items {
        let g = gen move {
            let r = &p.a;
            yield p.b;
            yield r.len() as u32;
        };
        println!("{:?}", g.collect::<Vec<_>>());
    }
}

fn make() -> P {
    P { a: "made".into(), b: 7 }
}

fn main() {
    show(&[P { a: "a".into(), b: 1 }]);
    let q = make();
    let g = gen move {
        yield q.b;
        yield q.a.len() as u32;
    };
    println!("{:?}", g.collect::<Vec<_>>());
    println!("q.b still here: {}", q.b);
}
