//@ nightly-error: E0626
#![feature(gen_blocks)]
#![allow(non_snake_case)]

const LIMIT: usize = 2;

fn main() {
    let DATA = vec![1, 2, 3];
    let g = gen move {
        for x in DATA.iter().take(LIMIT) {
            yield *x;
        }
    };
    println!("{}", g.count());
}
