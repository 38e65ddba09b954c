//@run
// `yield` in a `let .. else` block and in the branches of a let chain.
#![feature(gen_blocks)]

fn main() {
    let v = vec![Some(1), None, Some(3)];
    let g = gen move {
        for o in v {
            let Some(x) = o else { yield -1; continue };
            if let 1 = x && let Some(y) = Some(x * 10) { yield y; } else { yield x; }
        }
    };
    println!("{:?}", g.collect::<Vec<_>>());
}
