//@run
// Dropping a gen part-way drops its live locals in reverse order.
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
        let _b = Noisy("b");
        yield 1;
        let _c = Noisy("c");
        yield 2;
    };
    println!("{:?}", g.next());
    println!("dropping");
    drop(g);
    println!("done");
}
