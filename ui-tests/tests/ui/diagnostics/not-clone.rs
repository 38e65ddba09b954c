// A gen block is not `Clone`.
#![feature(gen_blocks)]

fn needs_clone<T: Clone>(_: T) {}

fn main() {
    needs_clone(gen { //~ ERROR: the trait bound
        yield 1;
    });
}
