//@run
// Elided lifetimes in a `gen fn` signature are captured by the returned iterator.
#![feature(gen_blocks)]

gen fn evens(values: &[i32]) -> i32 {
    for v in values {
        if v % 2 == 0 {
            yield *v;
        }
    }
}

fn main() {
    let values = vec![1, 2, 3, 4];
    println!("{:?}", evens(&values).collect::<Vec<_>>());
}
