// An `async gen fn` that yields a reference of a parameter whose lifetime is not the item's:
// E0621 on the body, as nightly.
#![feature(gen_blocks, async_iterator)]

async gen fn pick<'a>(a: &'a str, b: &str) -> &'a str { //~ ERROR: explicit lifetime required in the type of `b`
    yield a;
    yield b;
}

fn main() {
    let _ = pick("ab", "c");
}
