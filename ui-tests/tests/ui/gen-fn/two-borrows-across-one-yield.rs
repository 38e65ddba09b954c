// Two borrows of a parameter live across the same `yield` (the outer loop's iterator and the
// inner loop's slice).
// FIXME(yieldc): nightly reports E0626 for each borrow (lines of both `for` headers); yieldc
// reports the first only: the check copy's one assignment to `v` at the `yield` conflicts with
// both borrows, and rustc reports an assignment once.
#![feature(gen_blocks)]

gen fn find_pairs(v: Vec<i32>, target: i32) -> (i32, i32) {
    for (i, &a) in v.iter().enumerate() {
        //~^ ERROR: borrow may still be in use when `gen` fn body yields
        for &b in &v[i + 1..] {
            if a + b == target {
                yield (a, b);
            }
        }
    }
}

fn main() {
    println!("{:?}", find_pairs(vec![1, 2, 3, 4, 5], 6).collect::<Vec<_>>());
}
