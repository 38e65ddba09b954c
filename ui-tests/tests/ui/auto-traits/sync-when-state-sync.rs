//@run
// A gen holding only `Sync` values is `Sync`.
#![feature(gen_blocks)]

fn assert_sync<T: Sync>(_: &T) {}

fn main() {
    let g = gen {
        let v = vec![1u8];
        yield v[0];
    };
    assert_sync(&g);
    println!("{:?}", g.collect::<Vec<_>>());
}
