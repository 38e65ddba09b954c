//@run
//@compile-flags: -D unused-imports
// A level for `unused_imports` on the command line (`[lints.rust] unused_imports = "deny"`
// in Cargo.toml) is not one for `unused_features`: nightly warns about the unused gate.
#![feature(gen_blocks, async_iterator)]

fn main() {
    let v: Vec<u8> = gen { yield 1; }.collect();
    println!("{v:?}");
}
