// A `gen unsafe fn`.
// FIXME(yieldc): nightly runs this (see the nightly-diff allow file); yieldc does not lower
// `gen unsafe fn`, so the stable compiler rejects its `yield`.
#![feature(gen_blocks)]

gen unsafe fn read_all(pointer: *const u8, len: usize) -> u8 {
    for i in 0..len {
        yield unsafe { *pointer.add(i) };
        //~^ ERROR: yield syntax is experimental
        //~| ERROR: `yield` can only be used in `#[coroutine]` closures, or `gen` blocks
        //~| ERROR: yield expression outside of coroutine literal
    }
}

fn main() {
    let data = [7u8, 8, 9];
    let items: Vec<u8> = unsafe { read_all(data.as_ptr(), data.len()) }.collect();
    println!("{items:?}");
}
