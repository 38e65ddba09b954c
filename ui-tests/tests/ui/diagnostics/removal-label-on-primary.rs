// A removal rustc suggests on the primary span's own text is that span's label.
#![feature(gen_blocks)]
#![deny(redundant_semicolons)]

fn main() {
    let g = gen { yield 1u8 };;
    //~^ ERROR: unnecessary trailing semicolon
    for _ in g {}
}
