//@run
// A macro invoked inside a gen body that expands to `yield`.
#![feature(gen_blocks)]

macro_rules! emit_twice {
    ($e:expr) => {
        yield $e;
        yield $e;
    };
}

fn main() {
    let g = gen {
        emit_twice!(1);
        emit_twice!(2);
    };
    println!("{:?}", g.collect::<Vec<_>>());
}
