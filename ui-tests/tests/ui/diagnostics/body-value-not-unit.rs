// The body of a gen block must be `()`.
// FIXME(yieldc): nightly rejects it with E0308@7; yieldc rejects it with E0271@5, E0599@9 (see the nightly-diff allow file).
#![feature(gen_blocks)]

fn main() {
    let g = gen { //~ ERROR: expected
        yield 1;
        5
    };
    println!("{}", g.count()); //~ ERROR: , but its trait bounds were not satisfied
}
