// The body of a `gen fn` and of an `async gen` block must be `()` too.
#![feature(gen_blocks, async_iterator)]

gen fn numbers() -> u8 {
    yield 1;
    "done" //~ ERROR: mismatched types
}

fn main() {
    let _stream = async gen {
        yield 1;
        2.5 //~ ERROR: mismatched types
    };
    let _ = numbers();
}
