// A gen block is not a `DoubleEndedIterator`.
#![feature(gen_blocks)]

fn main() {
    let g = gen {
        yield 1;
    };
    let _ = g.rev(); //~ ERROR: the trait bound
}
