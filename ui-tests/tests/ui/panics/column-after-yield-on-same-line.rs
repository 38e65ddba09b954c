//@run: 101
// FIXME(yieldc): a panic in code after a `yield` on the same line is reported one column to
// the right of nightly's (8:25): the lowered `yield` is one character longer than the original.
#![feature(gen_blocks)]
fn main() {
    let g = gen {
        let mut x: u8 = 250;
        loop { yield x; x += 3; }
    };
    for v in g {
        println!("{v}");
    }
}
