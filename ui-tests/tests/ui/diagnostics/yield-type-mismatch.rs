// All yields of a gen must have one type.
#![feature(gen_blocks)]

fn main() {
    let g = gen {
        yield 1u8;
        yield "two"; //~ ERROR: mismatched types
    };
    println!("{}", g.count());
}
