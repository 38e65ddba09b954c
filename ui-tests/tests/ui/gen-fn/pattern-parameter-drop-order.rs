//@run
// A parameter with a pattern (`(a, _b): (u8, D)`, `_: D`) moves into the generator whole, as in
// `async fn`: what no binding takes drops with the body's locals, in reverse parameter order,
// not when the call returns.
#![feature(gen_blocks)]
struct D(&'static str);
impl Drop for D { fn drop(&mut self) { println!("drop {}", self.0); } }
gen fn pair((a, _b): (u8, D), _: D, c: D) -> u8 {
    yield a;
    let _ = &c;
    yield a + 1;
}
gen fn unused_param(x: D, y: u8) -> u8 { yield y; }
fn main() {
    let it = pair((1, D("b")), D("wild"), D("c"));
    println!("created");
    for x in it { println!("{x}"); }
    println!("---");
    let it = unused_param(D("x"), 5);
    println!("created");
    for x in it { println!("{x}"); }
    println!("end");
}
