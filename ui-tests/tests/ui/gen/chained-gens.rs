//@run
// Two gen blocks chained.
#![feature(gen_blocks)]

fn main() {
    let first = gen {
        yield 1;
    };
    let second = gen {
        yield 2;
        yield 3;
    };
    println!("{:?}", first.chain(second).collect::<Vec<_>>());
}
