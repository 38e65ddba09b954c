// A gen consumed by `collect` cannot be used again.
#![feature(gen_blocks)]

fn main() {
    let g = gen {
        yield 1;
    };
    let _all: Vec<i32> = g.collect();
    let _again = g.count(); //~ ERROR: use of moved value
}
