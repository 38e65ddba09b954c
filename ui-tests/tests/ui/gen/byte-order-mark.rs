// A file that starts with a byte-order mark: its gates are the crate's, and a panic in a
//@run: 101
// generator is reported at nightly's line and column (the gate was missed: E0658 at `gen`).
#![feature(gen_blocks)]

fn main() {
    let g = gen {
        yield 1u8;
        let empty: Vec<u8> = Vec::new();
        yield empty[0];
    };
    for x in g {
        println!("{x}");
    }
}
