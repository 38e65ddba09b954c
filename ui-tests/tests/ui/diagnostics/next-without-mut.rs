// Calling `next` on a generator bound without `mut`: E0596 with nightly's suggestion.
#![feature(gen_blocks)]

fn main() {
    let g = gen {
        yield 1;
    };
    println!("{:?}", g.next()); //~ ERROR: cannot borrow `g` as mutable
}
