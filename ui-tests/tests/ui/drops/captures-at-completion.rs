//@run
// Captures of a `gen move` drop when the body completes, not when the iterator is dropped.
#![feature(gen_blocks)]

struct Noisy(&'static str);
impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn main() {
    let captured = Noisy("capture");
    let mut g = gen move {
        let _ = &captured;
        yield 1;
    };
    g.next();
    println!("before the end");
    g.next();
    println!("after the end");
    drop(g);
    println!("done");
}
