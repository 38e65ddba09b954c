//@run
// Lower-case statics used by a `gen move` block, whole or through a field, borrowed across a
// `yield`: a static is not captured and a borrow of it is `'static`, so nightly accepts it.
// The check copy rebound `names` (a copy into a local) or named `origin.a` through a shadow
// local, so yieldc reported E0626 (and rebinding a non-`Copy` static would move out of it,
// E0507). Such a block now has no copy (boxed), like one using a lower-case constant.
#![feature(gen_blocks)]
#![allow(non_upper_case_globals)]

struct P {
    a: &'static str,
    b: u32,
}

static names: [&str; 2] = ["a", "bc"];
static origin: P = P { a: "hello", b: 3 };
static mut counter: u32 = 0;

fn main() {
    let g = gen move {
        for n in names.iter() {
            yield n.len() as u32;
        }
        let r = &origin.a;
        yield origin.b;
        yield r.len() as u32;
        // SAFETY: one thread; no reference to `counter` exists.
        unsafe { counter += 1 };
        // SAFETY: as above (a copy of the value).
        yield unsafe { counter };
    };
    println!("{:?}", g.collect::<Vec<_>>());
}
