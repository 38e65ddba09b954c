// `async_gen_blocks` is not a feature.
#![feature(async_gen_blocks)]
//~^ ERROR: unknown feature `async_gen_blocks`

fn main() {}
