// A gen block in a `const fn` is an error.
#![feature(gen_blocks)]

const fn make() {
    let _g = gen { //~ ERROR: `gen` blocks are not allowed in constant functions
        yield 1;
    };
}

fn main() {
    make();
}
