//@run
// A shadowed local stays alive until the end of its scope, even across yields.
#![feature(gen_blocks)]

struct Noisy(&'static str);
impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn main() {
    let mut g = gen {
        let x = Noisy("first x");
        yield x.0;
        let x = Noisy("second x");
        yield x.0;
    };
    println!("{:?}", g.next());
    println!("{:?}", g.next());
    drop(g);
    println!("done");
}
