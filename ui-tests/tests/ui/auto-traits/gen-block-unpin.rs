// A gen block is `Unpin`.
// FIXME(yieldc): nightly accepts it and runs it; yieldc rejects it with E0277@11 (see the nightly-diff allow file).
#![feature(gen_blocks)]

fn assert_unpin<T: Unpin>(_: &T) {}

fn main() {
    let g = gen {
        yield 1;
    };
    assert_unpin(&g); //~ ERROR: cannot be unpinned
    println!("unpin");
}
