//@run: 101
// A formatted panic message from inside a gen fn, reported at its source location.
#![feature(gen_blocks)]

gen fn checked(values: Vec<i32>) -> i32 {
    for v in values {
        if v < 0 {
            panic!("negative value: {v}");
        }
        yield v;
    }
}

fn main() {
    for v in checked(vec![1, -2, 3]) {
        println!("{v}");
    }
}
