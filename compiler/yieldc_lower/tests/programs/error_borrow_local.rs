//@ nightly-error: E0626
#![feature(gen_blocks)]

fn main() {
    let g = gen {
        let v = vec![1, 2, 3];
        for x in &v {
            yield *x;
        }
    };
    println!("{}", g.count());
}
