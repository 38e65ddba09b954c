//@run
// A gen that never started drops its captures when dropped.
#![feature(gen_blocks)]

struct Noisy(&'static str);
impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn main() {
    let a = Noisy("a");
    let b = Noisy("b");
    let g = gen move {
        let _ = &b;
        let _ = &a;
        yield 1;
    };
    println!("created");
    drop(g);
    println!("done");
}
