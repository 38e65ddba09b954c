//@run
// A `gen fn` re-yielding from other `gen fn`s.
#![feature(gen_blocks)]

gen fn upto(n: u32) -> u32 {
    for i in 0..n {
        yield i;
    }
}

gen fn triangle(rows: u32) -> u32 {
    for row in 1..=rows {
        for x in upto(row) {
            yield x;
        }
    }
}

fn main() {
    println!("{:?}", triangle(3).collect::<Vec<_>>());
}
