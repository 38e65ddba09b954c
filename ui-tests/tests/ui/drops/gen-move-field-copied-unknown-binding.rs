//@run
// A `gen move` block that only copies a field of a local whose binding the text cannot
// classify (a call's result): the block captures that field alone (the rest of `p` stays
// usable and is dropped at the end of `main`), and is inline (nothing borrows `p`).
#![feature(gen_blocks)]

struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

struct P {
    name: Noisy,
    n: u32,
}

fn make() -> P {
    P { name: Noisy("p.name"), n: 3 }
}

fn main() {
    let p = make();
    let g = gen move {
        for i in 0..p.n {
            yield i;
        }
    };
    println!("{:?}", g.collect::<Vec<_>>());
    println!("still here: {}", p.name.0);
}
