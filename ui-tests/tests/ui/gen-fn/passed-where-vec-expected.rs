// A `gen fn`'s iterator passed where a `Vec` is expected: E0308 naming the opaque type.
// FIXME(yieldc): nightly adds "help: consider using `.collect()` to convert the `Iterator` into
// a `Vec<u32>`"; the stable compiler does not suggest it for the lowered return type.
#![feature(gen_blocks)]

fn takes_vec(v: Vec<u32>) -> usize {
    v.len()
}

gen fn nums() -> u32 {
    yield 1;
}

fn main() {
    println!("{}", takes_vec(nums())); //~ ERROR: mismatched types
}
