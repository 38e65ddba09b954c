//@run
// Attributes on a `gen fn` (doc, `#[inline]`, `#[must_use]`, `#[cfg_attr]`), a `#[cfg]`-d out
// `gen fn` and `#[cfg]` on `yield` statements; comments in the body.
#![feature(gen_blocks)]

/// Yields things.
#[inline]
#[must_use]
pub(crate) gen fn things() -> i32 {
    // a comment
    /* block comment */
    yield 1;
    #[cfg(any())]
    yield 2;
    #[cfg(all())]
    yield 3;
}
#[cfg(any())]
gen fn never() -> i32 { yield missing(); }
#[cfg_attr(all(), allow(unused))]
gen fn unused_one() -> u8 { yield 0; }
fn main() {
    println!("{:?}", things().collect::<Vec<_>>());
}
