//@edition:2021
// There is no `k#gen` in edition 2021.
#![feature(gen_blocks)]

fn main() {
    let _g = k#gen {
    //~^ ERROR: prefix `k` is unknown
    //~| ERROR: expected one of `!`, `.`, `::`, `;`, `?`, `else`,
        yield 1;
    };
}
