//@run
// After the body completes, `next()` keeps returning `None` without running anything.
#![feature(gen_blocks)]

fn main() {
    let mut g = gen {
        println!("body starts");
        yield 1;
        println!("body ends");
    };
    println!("{:?}", g.next());
    println!("{:?}", g.next());
    println!("{:?}", g.next());
    println!("{:?}", g.next());
}
