// A `gen fn`'s iterator used where a value is expected: no label on the rewritten signature.
#![feature(gen_blocks)]

gen fn f() -> u32 {
    yield 1;
}

fn main() {
    let _x: u32 = f(); //~ ERROR: mismatched types
}
