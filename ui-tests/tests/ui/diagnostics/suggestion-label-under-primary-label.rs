// A short suggestion that rustc draws as a label without its code goes under the primary
// span's own label when both are at the same text (the line is redrawn: it holds a generator).
#![feature(gen_blocks)]

fn main() {
    let items = [3, 4]; let g = gen { yield items.count() };
    //~^ ERROR: no method named `count` found for array `[{integer}; 2]`
    for _ in g {}
}
