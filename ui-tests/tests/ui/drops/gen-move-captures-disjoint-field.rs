//@run
// FIXME(yieldc): a `gen move` block that uses only a `Copy` field of a local captures that field
// (edition 2021+ disjoint capture): nightly leaves the local in place, dropped at the end of
// `main`. yieldc's body captures the whole local, so it is dropped with the generator. Not the
// `async move` block's doing (it captures precisely on stable too): the check copy rebinds the
// capture whole (`let mut outer = outer;`) to guard it; guarding only the places the body uses
// would need rustc's capture analysis in the lowering.
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
