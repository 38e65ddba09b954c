// `.rev().collect()` on a gen block: E0277 for `rev` (not a `DoubleEndedIterator`), then E0599
// for `collect`, whose label names the receiver `Rev<{gen block@..}>` as nightly's does.
#![feature(gen_blocks)]

fn main() {
    let g = gen {
        yield 1;
        yield 2;
    };
    let v: Vec<i32> = g.rev().collect();
    //~^ ERROR: the trait bound `{gen block@
    //~| ERROR: the method `collect` exists for struct `Rev<{gen block@
    println!("{v:?}");
}
