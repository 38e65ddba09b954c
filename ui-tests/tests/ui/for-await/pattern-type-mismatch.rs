// A `for await` pattern of the wrong type: E0308 at the pattern, with the label nightly's `for`
// desugaring puts on the iterable.
#![feature(gen_blocks, async_iterator, async_for_loop)]

async gen fn evens() -> u32 {
    yield 2;
}

async fn total() -> u32 {
    let mut t = 0;
    for await (i, x) in evens() { //~ ERROR: mismatched types
        t += i + x;
    }
    t
}

fn main() {
    let _ = total();
}
