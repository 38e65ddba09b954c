// A closure on a line the lowering changed is named at its original position
// (`{closure@FILE:L:C: L:C}`), here in the help of a `Send` error.
#![feature(gen_blocks)]

fn main() {
    let g = gen { let r = std::rc::Rc::new(1); yield *r; }; std::thread::spawn(move || { for _ in g {} });
    //~^ ERROR: coroutine cannot be sent between threads safely
}
