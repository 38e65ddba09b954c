//@run
// A `gen move` block that uses only a `Copy` field of a local captures that field (edition
// 2021+ disjoint capture): the local stays in place, dropped at the end of `main`, not with the
// generator. (The check copy names the same place through a shadow local, not the whole local.)
#![feature(gen_blocks)]

struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn main() {
    let outer = Noisy("outer");
    let g = gen move {
        yield outer.0.len();
    };
    drop(g);
    println!("generator dropped");
}
