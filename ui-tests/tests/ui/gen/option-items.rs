//@run
// A gen yielding `Option`s: `None` items are items, not the end.
#![feature(gen_blocks)]

fn main() {
    let g = gen {
        yield Some(1);
        yield None;
        yield Some(3);
    };
    println!("{:?}", g.collect::<Vec<Option<i32>>>());
}
