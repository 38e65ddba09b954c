// A gen block without `#![feature(gen_blocks)]`.
fn main() {
    let g = gen { //~ ERROR: gen blocks are experimental
        yield 1; //~ ERROR: yield syntax is experimental
    };
    for _ in g {}
}
