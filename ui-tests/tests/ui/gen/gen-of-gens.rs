//@run
// A gen block whose items are gen blocks.
#![feature(gen_blocks)]

fn main() {
    let rows = gen {
        for row in 0..3u32 {
            yield gen move {
                for col in 0..row {
                    yield (row, col);
                }
            };
        }
    };
    for row in rows {
        println!("{:?}", row.collect::<Vec<_>>());
    }
}
