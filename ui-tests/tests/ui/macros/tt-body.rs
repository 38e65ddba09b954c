//@run
// A macro whose `tt` argument becomes a gen block's body (`gen $body`), and one that takes the
// statements of a gen block as tokens.
#![feature(gen_blocks)]

macro_rules! gen_of {
    ($body:tt) => {
        gen move $body
    };
}

macro_rules! gen_stmts {
    ($($t:tt)*) => {
        gen { $($t)* }
    };
}

fn main() {
    let base = 10;
    let first = gen_of!({ yield base; yield base + 1; });
    let second = gen_stmts!(yield 'x'; for c in ['y', 'z'] { yield c; });
    println!("{:?} {:?}", first.collect::<Vec<_>>(), second.collect::<String>());
}
