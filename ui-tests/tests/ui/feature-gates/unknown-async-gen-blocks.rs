// `async_gen_blocks` is not a feature.
// FIXME(yieldc): nightly rejects it with E0635@2; yieldc rejects it with E0554@2, E0635@2 (see the nightly-diff allow file).
#![feature(async_gen_blocks)]
//~^ ERROR: `#![feature]` may not be used on the stable release channel
//~| ERROR: unknown feature `async_gen_blocks`

fn main() {}
