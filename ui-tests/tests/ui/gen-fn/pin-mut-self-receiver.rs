//@run
// A `gen fn` method taking `self: Pin<&mut Self>`.
#![feature(gen_blocks)]

use std::pin::Pin;
struct S { v: [u8; 3] }
impl S {
    gen fn each(self: Pin<&mut Self>) -> u8 {
        for b in self.v { yield b; }
    }
}
fn main() {
    let mut s = S { v: [1, 2, 3] };
    let p = Pin::new(&mut s);
    println!("{:?}", p.each().collect::<Vec<_>>());
}
