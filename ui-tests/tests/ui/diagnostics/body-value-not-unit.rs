// The body of a gen block must be `()`.
#![feature(gen_blocks)]

fn main() {
    let g = gen {
        yield 1;
        5 //~ ERROR: mismatched types
    };
    println!("{}", g.count());
}
