//@run
// Dropped mid-way, a `gen move` drops its body locals, then its captures in the order of
// their first mention in the body.
#![feature(gen_blocks)]

struct Noisy(&'static str);
impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn main() {
    let first = Noisy("capture declared first");
    let second = Noisy("capture declared second");
    let mut g = gen move {
        let _local = Noisy("local");
        let _ = &second;
        yield 1;
        let _ = &first;
        yield 2;
    };
    g.next();
    drop(g);
    println!("done");
}
