// After "expected expression, found reserved keyword `gen`" (a `gen ||` closure), rustc's parser
// skips the rest of the block: nothing after it in the block is reported, as on nightly.
#![feature(gen_blocks, async_iterator)]
fn main() {
    let f = gen || { yield 1; }; //~ ERROR: expected expression, found reserved keyword `gen`
    let g = async gen || { yield 1; };
    let h = gen move |x: u32| { yield x; };
}
