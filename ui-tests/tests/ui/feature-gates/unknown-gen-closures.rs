// `gen_closures` is not a feature.
#![feature(gen_closures)]
//~^ ERROR: unknown feature `gen_closures`

fn main() {}
