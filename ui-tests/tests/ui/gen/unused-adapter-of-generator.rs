//@run
// An unused iterator adapter called on a generator (`gen { .. }.map(f);`) is the user's
// unused value: nightly's `unused_must_use` names the adapter's type, with `let _ = `.
#![feature(gen_blocks)]

gen fn ones() -> u32 {
    yield 1;
}

fn main() {
    gen { yield 1u32; }.map(|x| x + 1);
    ones().take(1);
    println!("done");
}
