//@run: 101
// A panic in a gen body propagates out of `next()` with its message and location.
// The run output is nightly's (checked by the nightly diff).
#![feature(gen_blocks)]

fn main() {
    let mut g = gen {
        yield 1;
        let v: Vec<u8> = Vec::new();
        yield v[3];
    };
    println!("{:?}", g.next());
    println!("{:?}", g.next());
}
