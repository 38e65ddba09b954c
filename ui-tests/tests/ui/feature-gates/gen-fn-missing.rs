// A `gen fn` without `#![feature(gen_blocks)]`.
gen fn one() -> u8 { //~ ERROR: gen blocks are experimental
    yield 1; //~ ERROR: yield syntax is experimental
}

fn main() {
    for _ in one() {}
}
