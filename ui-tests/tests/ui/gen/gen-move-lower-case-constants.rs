//@run
// Lower-case constants used by a `gen move` block, whole or through a field: a constant is not
// captured, and the check copy cannot rebind it (`let mut limit = limit;` is E0530), so such a
// block has no copy (boxed). This failed to build, printing nothing.
#![feature(gen_blocks)]
#![allow(non_upper_case_globals)]

struct P {
    a: u32,
}

const limit: u32 = 3;
const origin: P = P { a: 10 };

fn main() {
    let g = gen move {
        for i in 0..limit {
            yield i + origin.a;
        }
    };
    println!("{:?}", g.collect::<Vec<_>>());
}
