//@run
// `gen fn f() -> T` returns an iterator of `T`.
#![feature(gen_blocks)]

gen fn count(n: u32) -> u32 {
    for i in 0..n {
        yield i;
    }
}

fn main() {
    println!("{:?}", count(4).collect::<Vec<_>>());
}
