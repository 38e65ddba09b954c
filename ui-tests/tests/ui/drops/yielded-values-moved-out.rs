//@run
// Yielded values belong to the caller; the gen does not drop them.
#![feature(gen_blocks)]

struct Noisy(&'static str);
impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn main() {
    let mut g = gen {
        yield Noisy("first");
        yield Noisy("second");
    };
    let first = g.next();
    println!("got the first");
    drop(g);
    println!("gen dropped");
    drop(first);
    println!("done");
}
