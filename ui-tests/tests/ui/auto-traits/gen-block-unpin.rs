//@run
// A gen block is `Unpin`, as on nightly (and so is a gen fn's iterator): it may be pinned and
// still moved, and `Pin::new` accepts it.
#![feature(gen_blocks)]

use std::pin::Pin;

fn assert_unpin<T: Unpin>(_: &T) {}

gen fn count(n: u32) -> u32 {
    for i in 0..n {
        yield i;
    }
}

fn main() {
    let mut g = gen {
        yield 1;
        yield 2;
    };
    assert_unpin(&g);
    assert_unpin(&count(2));
    let first = Pin::new(&mut g).get_mut().next();
    let moved = g;
    println!("{first:?} {:?}", moved.collect::<Vec<_>>());
    println!("{:?}", count(3).collect::<Vec<_>>());
}
