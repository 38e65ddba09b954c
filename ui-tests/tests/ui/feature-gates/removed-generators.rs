// `generators` was removed (renamed `coroutines`).
#![feature(generators)] //~ ERROR: feature has been removed

fn main() {}
