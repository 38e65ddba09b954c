// `AsyncIterator` named without a `use`: E0405.
// FIXME(yieldc): nightly adds "help: consider importing this trait" with
// `use std::async_iter::AsyncIterator;`; yieldc's stable rustc does not suggest the unstable
// trait, and yieldc does not add the help.
#![feature(gen_blocks, async_iterator)]

fn numbers() -> impl AsyncIterator<Item = u8> {
    //~^ ERROR: cannot find trait `AsyncIterator` in this scope
    async gen {
        yield 1;
    }
}

fn main() {
    let _ = numbers();
}
