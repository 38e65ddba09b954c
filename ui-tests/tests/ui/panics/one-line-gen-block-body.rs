//@run: 101
// FIXME(yieldc): a panic in a `gen` block whose body is on the block's own line is reported far
// to the right of nightly's column (same line): the generator's header is on that line too (see
// design-notes/gen-fn-refusal-location.md, "a header no longer than `gen`").
#![feature(gen_blocks)]
fn main() {
    let mut g = gen { yield 1u8; panic!("on the block's line"); };
    println!("{:?}", g.next());
    g.next();
}
