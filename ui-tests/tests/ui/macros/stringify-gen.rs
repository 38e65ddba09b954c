//@run
// `stringify!` sees the tokens of a gen block as written.
// FIXME(yieldc): the blessed run output is yieldc's; nightly differs (see the nightly-diff allow file).
#![feature(gen_blocks)]

fn main() {
    println!("{}", stringify!(gen { yield 1; }));
}
