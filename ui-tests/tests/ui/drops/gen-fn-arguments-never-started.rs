//@run
// The arguments of a `gen fn` that never started drop with the iterator.
#![feature(gen_blocks)]

struct Noisy(&'static str);
impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

gen fn hold(_x: Noisy, _y: Noisy) -> u8 {
    yield 1;
}

fn main() {
    let it = hold(Noisy("x"), Noisy("y"));
    println!("called");
    drop(it);
    println!("done");
}
