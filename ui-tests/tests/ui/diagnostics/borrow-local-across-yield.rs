// A borrow of a body local held across `yield` is E0626.
#![feature(gen_blocks)]

fn main() {
    let g = gen {
        let v = vec![1, 2];
        let first = &v[0]; //~ ERROR: borrow may still be in use when `gen` block yields
        yield 0;
        println!("{first}");
    };
    for _ in g {}
}
