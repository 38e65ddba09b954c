// A `gen` block in a `static`'s initializer: "`gen` blocks are not allowed in statics".
// FIXME(yieldc): nightly also reports E0015 (the non-const `collect` call); yieldc stops at the
// front end's error and does not run rustc.
#![feature(gen_blocks)]

static S: Vec<i32> = gen { yield 1; }.collect();
//~^ ERROR: `gen` blocks are not allowed in statics

fn main() {
    println!("{:?}", S);
}
