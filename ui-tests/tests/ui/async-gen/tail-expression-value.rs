// A value as the tail expression of an `async gen fn` (or `gen fn`) body with an item type:
// E0308, and nightly labels the `-> T` "expected `()` because of return type".
#![feature(gen_blocks, async_iterator)]

gen fn sync_tail() -> u8 { yield 1; 5 } //~ ERROR: mismatched types

async gen fn async_tail() -> u8 {
    yield 1;
    7 //~ ERROR: mismatched types
}

fn main() {
    let _ = sync_tail();
    let _ = async_tail();
}
