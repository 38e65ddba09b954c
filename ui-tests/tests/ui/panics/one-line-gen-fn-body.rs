//@run: 101
// FIXME(yieldc): a panic in a `gen fn` body written on the line of its signature is reported far
// to the right of nightly's column (same line): the lowering's header is on that line too.
#![feature(gen_blocks)]

gen fn fails() -> i32 { yield 1; panic!("on the signature's line"); }

fn main() {
    for x in fails() {
        println!("{x}");
    }
}
