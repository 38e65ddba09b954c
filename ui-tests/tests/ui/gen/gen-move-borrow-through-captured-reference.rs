//@run
// A `gen move` block (and a `move` coroutine) that borrows a field through a captured
// reference across a `yield`: the place is behind the reference, not in the generator, so
// nightly accepts it. The check copy named `p.a` through a shadow local (an owned copy of the
// field), so yieldc reported E0626. A variable that every binding makes a reference (`let p =
// &q;`, `let pp = p;`, `for p in &items`, a closure parameter `p: &P`) is now rebound whole.
#![feature(gen_blocks, coroutines, coroutine_trait, stmt_expr_attributes)]

use std::ops::{Coroutine, CoroutineState};
use std::pin::Pin;

struct P {
    a: String,
    b: u32,
}

fn through_let(q: &mut P) {
    let p = &mut *q;
    let g = gen move {
        let r = &mut p.a;
        yield p.b;
        r.push('!');
        yield r.len() as u32;
    };
    println!("let: {:?}", g.collect::<Vec<_>>());
}

fn through_copy_of_parameter<'a>(p: &'a P) -> impl Iterator<Item = u32> + 'a {
    let pp = p;
    gen move {
        let r = &pp.a;
        yield pp.b;
        yield r.len() as u32;
    }
}

fn through_for(items: &[P]) {
    for p in &items[..] {
        let g = gen move {
            let r = &p.a;
            yield p.b;
            yield r.len() as u32;
        };
        println!("for: {:?}", g.collect::<Vec<_>>());
    }
}

fn through_closure_parameter(items: &[P]) {
    for p in items.iter() {
        let show = |p: &P| {
            let g = gen move {
                let r = &p.a;
                yield p.b;
                yield r.len() as u32;
            };
            g.collect::<Vec<_>>()
        };
        println!("closure: {:?}", show(p));
    }
}

fn coroutine(q: &P) {
    let p = q;
    let mut c = #[coroutine]
    move |x: u32| {
        let r = &p.a;
        let y = yield p.b + x;
        println!("coroutine: {r} {y}");
    };
    if let CoroutineState::Yielded(v) = Pin::new(&mut c).resume(1) {
        println!("coroutine yielded {v}");
    }
    if let CoroutineState::Complete(()) = Pin::new(&mut c).resume(2) {
        println!("coroutine complete");
    }
}

fn main() {
    let mut q = P { a: "hello".into(), b: 3 };
    through_let(&mut q);
    println!("after: {}", q.a);
    println!("copy: {:?}", through_copy_of_parameter(&q).collect::<Vec<_>>());
    let items = [P { a: "ab".into(), b: 1 }, P { a: "cde".into(), b: 2 }];
    through_for(&items);
    through_closure_parameter(&items);
    coroutine(&q);
}
