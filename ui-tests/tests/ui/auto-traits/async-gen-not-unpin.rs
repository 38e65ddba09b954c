// An `async gen` block is not `Unpin`.
#![feature(gen_blocks)]

fn assert_unpin<T: Unpin>(_: &T) {}

fn main() {
    let g = async gen {
        yield 1;
    };
    assert_unpin(&g);
    //~^ ERROR: cannot be unpinned
}
