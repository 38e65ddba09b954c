//@run
// A `self` taken by value moves into the generator whole, like a parameter: the fields the body
// does not name drop when the body completes, not when the call returns (an `async move` block
// alone would capture only the fields it names).
#![feature(gen_blocks)]
struct D(&'static str);
impl Drop for D { fn drop(&mut self) { println!("drop {}", self.0); } }
struct S { a: Vec<u8>, b: D }
impl S {
    gen fn items(self) -> u8 {
        for x in self.a.clone() { yield x; }
    }
}
gen fn param(s: S) -> u8 {
    for x in s.a.clone() { yield x; }
}
fn main() {
    let it = S { a: vec![1, 2], b: D("b") }.items();
    println!("created");
    for x in it { println!("{x}"); }
    println!("---");
    let it = param(S { a: vec![3], b: D("b2") });
    println!("created");
    for x in it { println!("{x}"); }
    println!("end");
}
