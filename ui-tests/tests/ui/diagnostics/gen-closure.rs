// `gen` closures do not exist: `gen || ..` does not parse.
#![feature(gen_blocks)]

fn main() {
    let _f = gen || { //~ ERROR: expected expression, found reserved keyword `gen`
        yield 1;
    };
}
