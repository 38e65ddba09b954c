// A `gen fn` method without `#![feature(gen_blocks)]`.
struct S;

impl S {
    gen fn items(&self) -> u8 { //~ ERROR: gen blocks are experimental
        yield 1; //~ ERROR: yield syntax is experimental
    }
}

fn main() {
    for _ in S.items() {}
}
