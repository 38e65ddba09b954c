//@edition:2021
// In edition 2021, `gen {}` is a struct literal.
#![feature(gen_blocks)]

fn main() {
    let _g = gen {}; //~ ERROR: cannot find struct, variant or union type `gen` in this scope
}
