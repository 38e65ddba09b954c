// A macro's `yield` while a body local is borrowed: nightly's E0626 (borrow may still be in use
// when `gen` block yields).
#![feature(gen_blocks)]

macro_rules! emit {
    ($e:expr) => {
        yield $e
    };
}

fn main() {
    let g = gen {
        let v = vec![1, 2];
        for x in &v { //~ ERROR: borrow may still be in use when `gen` block yields
            emit!(*x);
        }
    };
    println!("{:?}", g.collect::<Vec<_>>());
}
