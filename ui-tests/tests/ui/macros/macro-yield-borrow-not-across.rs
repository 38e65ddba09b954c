//@run
// Macros that yield next to borrows that do not cross their `yield`s: accepted, as on nightly
// (the check copy takes an invocation of a macro whose every rule yields for a `yield`; one
// that may not yield is not).
#![feature(gen_blocks)]

macro_rules! emit {
    ($e:expr) => {
        yield $e
    };
}

macro_rules! maybe {
    (yes $e:expr) => {
        yield $e
    };
    (no $e:expr) => {
        let _ = $e;
    };
}

fn main() {
    let g = gen {
        let v = vec![1, 2];
        let n = v.len();
        emit!(n);
        for x in v.clone() {
            emit!(x);
        }
        for x in &v {
            maybe!(no *x);
        }
        maybe!(yes v[0]);
        let total: usize = v.iter().sum();
        emit!(total);
    };
    println!("{:?}", g.collect::<Vec<_>>());
}
