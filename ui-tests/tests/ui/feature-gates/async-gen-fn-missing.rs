// An `async gen fn` without `#![feature(gen_blocks)]`: the gate error spans `async gen`, as
// nightly's does (the coroutine kind, from `async` on), also after a visibility.
// FIXME(yieldc): nightly reports every `gen blocks` error before the `yield` ones, and each
// `yield` error twice (its two feature-gate passes); yieldc reports them once, in source order.
#![feature(async_iterator)]

async gen fn numbers() -> u8 {
    //~^ ERROR: gen blocks are experimental
    yield 1;
    //~^ ERROR: yield syntax is experimental
}

struct Source;

impl Source {
    pub async gen fn items(&self) -> u8 {
        //~^ ERROR: gen blocks are experimental
        yield 2;
        //~^ ERROR: yield syntax is experimental
    }
}

fn main() {
    let _ = numbers();
    let _ = Source.items();
}
