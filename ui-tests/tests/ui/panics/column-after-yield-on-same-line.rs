//@run: 101
// A panic in code after a `yield` on the same line is reported at nightly's column (8:25):
// the lowered `yield` is one character longer, and the space after its `;` makes up for it.
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
