//@run
// The word `yield` in strings and comments is just text.
#![feature(gen_blocks)]

fn main() {
    // yield here is a comment
    let g = gen {
        yield "yield";
        yield "gen { yield }";
    };
    println!("{:?}", g.collect::<Vec<_>>());
}
