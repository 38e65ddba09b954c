//@run
// `mem::forget` on a suspended gen runs no destructor.
#![feature(gen_blocks)]

struct Noisy(&'static str);
impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn main() {
    let mut g = gen {
        let _local = Noisy("local");
        yield 1;
    };
    g.next();
    std::mem::forget(g);
    println!("done");
}
