//@run
// A `gen fn` as a trait default method, used by one impl and overridden by another.
#![feature(gen_blocks)]

trait Source {
    fn base(&self) -> u32;
    gen fn items(&self) -> u32 {
        let b = self.base();
        yield b;
        yield b * 2;
    }
}
struct A;
impl Source for A { fn base(&self) -> u32 { 7 } }
struct B;
impl Source for B {
    fn base(&self) -> u32 { 1 }
    gen fn items(&self) -> u32 { yield 100; }
}
fn main() {
    println!("{:?}", A.items().collect::<Vec<_>>());
    println!("{:?}", B.items().collect::<Vec<_>>());
}
