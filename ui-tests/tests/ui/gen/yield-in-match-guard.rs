//@run
// `yield` in a match guard and in an arm.
#![feature(gen_blocks)]

fn main() {
    let g = gen {
        match 3 {
            x if { yield x; true } => yield x + 1,
            _ => {}
        }
    };
    println!("{:?}", g.collect::<Vec<_>>());
}
