// A temporary borrowed by the `for` iterator across `yield` is E0626.
// FIXME(yieldc): nightly rejects it with E0626@6; yieldc accepts it (see the nightly-diff allow file).
//@check-pass
#![feature(gen_blocks)]

fn main() {
    let g = gen {
        for c in String::from("ab").chars() {
            yield c;
        }
    };
    println!("{}", g.count());
}
