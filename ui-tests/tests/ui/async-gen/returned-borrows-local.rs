// An `async gen` block that borrows a local of the function returning it: E0373 notes that the
// block is returned (on the whole block, as nightly's note), then suggests `move`.
#![feature(gen_blocks, async_iterator)]

use std::async_iter::AsyncIterator;

fn lines() -> impl AsyncIterator<Item = usize> {
    let text = String::from("a\nb");
    async gen { //~ ERROR: async gen block may outlive the current function, but it borrows `text`, which is owned by the current function
        for line in text.lines() {
            yield line.len();
        }
    }
}

fn main() {
    let _ = lines();
}
