//@run
// A macro's `yield` while a body local is borrowed: nightly's E0626 (borrow may still be in use
// when `gen` block yields).
// FIXME(yieldc): a body that invokes a macro that may yield cannot be checked by the check copy,
// so yieldc boxes it (sound) and accepts it (see the nightly-diff allow file).
#![feature(gen_blocks)]

macro_rules! emit {
    ($e:expr) => {
        yield $e
    };
}

fn main() {
    let g = gen {
        let v = vec![1, 2];
        for x in &v {
            emit!(*x);
        }
    };
    println!("{:?}", g.collect::<Vec<_>>());
}
