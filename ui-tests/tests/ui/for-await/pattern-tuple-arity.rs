// A `for await` tuple pattern of the wrong arity: E0308 at the pattern, with the label
// nightly's `for` desugaring puts on the iterable (the item type read from the note).
#![feature(gen_blocks, async_iterator, async_for_loop)]

async gen fn pairs() -> (u32, u32) {
    yield (1, 2);
}

async fn run() {
    for await (a, b, c) in pairs() { //~ ERROR: mismatched types
        println!("{a}{b}{c}");
    }
}

fn main() {
    let _ = run();
}
