//@run
// `gen move` blocks and `move` coroutines that use a local only through fields capture those
// fields (edition 2021+): moving one field out leaves the others usable and dropped at the end
// of `main`; a field of a `Drop` type, of a reference, of an `Rc` captures the whole variable.
#![feature(gen_blocks, coroutines, coroutine_trait, stmt_expr_attributes)]
use std::ops::{Coroutine, CoroutineState};
use std::pin::Pin;
use std::rc::Rc;

struct Noisy(&'static str);
impl Drop for Noisy { fn drop(&mut self) { println!("drop {}", self.0); } }
struct Pair { a: Noisy, b: Noisy, n: (u32, u32) }
struct WithDrop { s: String, k: u32 }
impl Drop for WithDrop { fn drop(&mut self) { println!("drop WithDrop {}", self.k); } }
#[derive(Debug)]
struct Inner { v: Vec<u32> }
struct Outer { inner: Inner, tag: String }

fn by_ref(p: &Pair) -> impl Iterator<Item = u32> + '_ { gen move { yield p.n.0; yield p.n.1; } }

fn main() {
    // move out a field; the other stays
    let p = Pair { a: Noisy("a"), b: Noisy("b"), n: (1, 2) };
    let g = gen move { let a = p.a; yield a.0.len(); yield p.n.1 as usize; };
    println!("{:?}", g.collect::<Vec<_>>());
    println!("b still here: {}", p.b.0);
    // Drop type: whole capture
    let w = WithDrop { s: "xy".into(), k: 7 };
    let g = gen move { yield w.s.len(); };
    println!("{:?}", g.collect::<Vec<_>>());
    println!("after WithDrop gen");
    // nested chain + method call
    let o = Outer { inner: Inner { v: vec![1, 2, 3] }, tag: "t".into() };
    let g = gen move { for x in o.inner.v.clone() { yield x; } };
    println!("{:?} {}", g.collect::<Vec<_>>(), o.tag);
    // closure inside body
    let o2 = Outer { inner: Inner { v: vec![4] }, tag: "t2".into() };
    let g = gen move { let f = || o2.inner.v.len(); yield f(); yield o2.inner.v[0] as usize; };
    println!("{:?} {}", g.collect::<Vec<_>>(), o2.tag);
    // macro argument
    let o3 = Outer { inner: Inner { v: vec![5] }, tag: "t3".into() };
    let g = gen move { println!("in gen {:?}", o3.inner); yield 1; };
    println!("{:?} {}", g.collect::<Vec<_>>(), o3.tag);
    // reference param
    let pr = Pair { a: Noisy("ra"), b: Noisy("rb"), n: (3, 4) };
    println!("{:?}", by_ref(&pr).collect::<Vec<_>>());
    // Rc deref
    let rc = Rc::new(Inner { v: vec![9, 8] });
    let g = gen move { yield rc.v.len(); };
    println!("{:?}", g.collect::<Vec<_>>());
    // tuple fields
    let t = (String::from("zz"), 5u32, Noisy("t2"));
    let g = gen move { yield t.0.len() as u32 + t.1; };
    println!("{:?} {}", g.collect::<Vec<_>>(), t.2.0);
    // mutable local, mutate field
    let mut m = Inner { v: vec![] };
    let mut g = gen move { m.v.push(1); yield m.v.len(); m.v.push(2); yield m.v.len(); };
    println!("{:?} {:?}", g.next(), g.next());
    // coroutine closure
    let c = Pair { a: Noisy("ca"), b: Noisy("cb"), n: (10, 20) };
    let mut co = #[coroutine] move |x: u32| { let y = yield c.n.0 + x; c.n.1 + y };
    match Pin::new(&mut co).resume(1) { CoroutineState::Yielded(v) => println!("y {v}"), _ => {} }
    match Pin::new(&mut co).resume(2) { CoroutineState::Complete(v) => println!("c {v}"), _ => {} }
    println!("c.a {}", c.a.0);
    println!("end");
}
