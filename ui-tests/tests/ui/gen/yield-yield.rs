//@run
// `yield yield` and `(yield ())` as a value: a `yield` in a gen has type `()`.
#![feature(gen_blocks)]

fn main() {
    let g = gen {
        yield yield;
        let u: () = (yield ());
        yield u;
    };
    println!("{:?}", g.collect::<Vec<_>>());
}
