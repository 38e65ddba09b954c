//@run
// `return;` ends the iteration.
#![feature(gen_blocks)]

fn main() {
    let stop = true;
    let items: Vec<u8> = gen {
        yield 1;
        if stop {
            return;
        }
        yield 2;
    }
    .collect();
    println!("{items:?}");
}
