//@run
// The arguments are evaluated at the call; the body waits for the first `next()`.
#![feature(gen_blocks)]

fn argument() -> u32 {
    println!("argument evaluated");
    7
}

gen fn once(x: u32) -> u32 {
    println!("body starts");
    yield x;
}

fn main() {
    let mut it = once(argument());
    println!("called");
    println!("{:?}", it.next());
}
