// A refutable `for await` pattern: E0005 in nightly's `for` loop wording.
#![feature(gen_blocks, async_iterator, async_for_loop)]

async gen fn maybe() -> Option<u32> {
    yield Some(1);
    yield None;
}

async fn sum() -> u32 {
    let mut total = 0;
    for await Some(x) in maybe() { //~ ERROR: refutable pattern in `for` loop binding
        total += x;
    }
    total
}

fn main() {
    let _ = sum();
}
