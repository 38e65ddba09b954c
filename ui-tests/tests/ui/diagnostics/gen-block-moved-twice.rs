// A gen block used after a move: its type is named as nightly names it.
#![feature(gen_blocks)]

fn main() {
    let g = gen {
        yield 1;
    };
    let h = g;
    for x in g { //~ ERROR: use of moved value: `g`
        println!("{x}");
    }
    drop(h);
}
