// An `async gen` block without `#![feature(gen_blocks)]`.
#![feature(async_iterator)]

fn main() {
    let _g = async gen { //~ ERROR: gen blocks are experimental
        yield 1; //~ ERROR: yield syntax is experimental
    };
}
