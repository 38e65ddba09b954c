//@run
// Iterating `&mut g` and picking up where the loop stopped.
#![feature(gen_blocks)]

fn main() {
    let mut g = gen {
        for i in 0..6 {
            yield i;
        }
    };
    for x in &mut g {
        if x == 2 {
            break;
        }
    }
    println!("{:?}", g.collect::<Vec<_>>());
}
