// `return value;` in a `gen fn` is a type error: the body returns `()`.
#![feature(gen_blocks)]

gen fn one() -> u8 {
    yield 1;
    return 2; //~ ERROR: mismatched types
}

fn main() {
    println!("{}", one().count());
}
