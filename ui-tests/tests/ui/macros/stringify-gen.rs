//@run
// `stringify!` sees the tokens of a gen block as written.
#![feature(gen_blocks)]

fn main() {
    println!("{}", stringify!(gen { yield 1; }));
}
