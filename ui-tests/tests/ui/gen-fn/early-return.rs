//@run
// `return;` in a `gen fn` ends the iteration.
#![feature(gen_blocks)]

gen fn until_negative(values: Vec<i32>) -> i32 {
    for v in values {
        if v < 0 {
            return;
        }
        yield v;
    }
}

fn main() {
    println!("{:?}", until_negative(vec![3, 2, -1, 5]).collect::<Vec<_>>());
}
