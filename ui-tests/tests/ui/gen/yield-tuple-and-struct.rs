//@run
// Yielding tuples and structs.
#![feature(gen_blocks)]

#[derive(Debug)]
struct Point {
    x: i32,
    y: i32,
}

fn main() {
    let g = gen {
        yield (Point { x: 1, y: 2 }, "a");
        yield (Point { x: 3, y: 4 }, "b");
    };
    for (p, tag) in g {
        println!("{tag}: {p:?} {}", p.x + p.y);
    }
}
