//@run
// Creating a gen block runs nothing; the body starts on the first `next()`.
#![feature(gen_blocks)]

fn main() {
    let mut g = gen {
        println!("body runs");
        yield 1;
    };
    println!("created");
    println!("{:?}", g.next());
}
