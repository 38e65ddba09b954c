//@run
// `size_hint()` is `(0, None)` before, during and after iteration.
#![feature(gen_blocks)]

fn main() {
    let mut g = gen {
        yield 1;
        yield 2;
    };
    println!("{:?}", g.size_hint());
    g.next();
    println!("{:?}", g.size_hint());
    g.next();
    g.next();
    println!("{:?}", g.size_hint());
}
