// A `gen` block yields a reference to its own local through another binding (`let s =
// &data[..]`): nightly's E0626 at the borrow and E0515 at the first `yield` after it, in
// span order.
#![feature(gen_blocks)]

fn main() {
    let g = gen {
        let data = vec![1u8, 2, 3];
        let s = &data[..]; //~ ERROR: borrow may still be in use when `gen` block yields
        for c in s.chunks(2) {
            yield c; //~ ERROR: cannot yield value referencing local variable `data`
        }
    };
    for c in g {
        println!("{c:?}");
    }
}
