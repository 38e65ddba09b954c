// `unsafe async gen fn` does not parse either: the order is `async gen unsafe fn`.
#![feature(gen_blocks, async_iterator)]

unsafe async gen fn items() -> u8 { //~ ERROR: expected one of `extern` or `fn`, found keyword `async`
    yield 1;
}

fn main() {}
