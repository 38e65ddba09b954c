//@run
// `break` with a value out of a `loop` and a labelled block, both holding a `yield`.
#![feature(gen_blocks)]

fn main() {
    let g = gen {
        let mut i = 0;
        let r = loop {
            yield i;
            i += 1;
            if i > 2 { break i * 100; }
        };
        yield r;
        let b = 'blk: { if r > 5 { yield -1; break 'blk 7; } 8 };
        yield b;
    };
    println!("{:?}", g.collect::<Vec<_>>());
}
