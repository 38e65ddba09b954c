//@run
// A `gen fn` with `Send` parameters returns a `Send` iterator.
#![feature(gen_blocks)]

gen fn hold(v: Vec<u8>) -> u8 {
    for x in v {
        yield x;
    }
}

fn assert_send<T: Send>(t: T) -> T {
    t
}

fn main() {
    println!("{:?}", assert_send(hold(vec![1, 2])).collect::<Vec<_>>());
}
