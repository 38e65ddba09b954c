//@run
// A gen block that never yields is empty.
#![feature(gen_blocks)]

fn main() {
    let g = gen {
        println!("ran");
        if false {
            yield 1;
        }
    };
    println!("{}", g.count());
}
