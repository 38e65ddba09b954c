//@run
// A gen borrowing a `Sync` value is `Send`.
#![feature(gen_blocks)]

fn assert_send<T: Send>(t: T) -> T {
    t
}

fn main() {
    let data = vec![1, 2];
    let g = assert_send(gen {
        for x in &data {
            yield *x;
        }
    });
    println!("{:?}", g.collect::<Vec<_>>());
}
