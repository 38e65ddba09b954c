//@run
// Locals drop when the body completes, before `next()` returns `None`.
#![feature(gen_blocks)]

struct Noisy(&'static str);
impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn main() {
    let mut g = gen {
        let _a = Noisy("a");
        yield 1;
        let _b = Noisy("b");
    };
    println!("{:?}", g.next());
    println!("{:?}", g.next());
    println!("still alive");
    drop(g);
    println!("done");
}
