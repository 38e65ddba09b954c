// `for x in &v` over a body local, with a `yield` in the loop, is E0626.
#![feature(gen_blocks)]

fn main() {
    let g = gen {
        let v = vec![1, 2, 3];
        for x in &v { //~ ERROR: borrow may still be in use when `gen` block yields
            yield *x;
        }
    };
    println!("{}", g.count());
}
