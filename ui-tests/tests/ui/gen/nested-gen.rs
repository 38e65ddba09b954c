//@run
// A gen block iterating another gen block.
#![feature(gen_blocks)]

fn main() {
    let outer: Vec<u32> = gen {
        let inner = gen {
            yield 1;
            yield 2;
        };
        for x in inner {
            yield x * 10;
        }
        yield 99;
    }
    .collect();
    println!("{outer:?}");
}
