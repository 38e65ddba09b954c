//@edition:2021
// In edition 2021, `gen fn` does not parse.
#![feature(gen_blocks)]

gen fn one() -> u8 { //~ ERROR: expected one of `#`, `async`, `const`, `default`, `extern`, `final`, `fn`, `pub`, `safe`, `unsafe`, or `use`, found `gen`
    yield 1;
}

fn main() {}
