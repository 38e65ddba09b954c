//@run
// Temporaries of a `yield` statement live across the suspension and drop after the next resume.
#![feature(gen_blocks)]

struct Noisy(&'static str);
impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}
impl Noisy {
    fn value(&self) -> u32 {
        1
    }
}

fn main() {
    let mut g = gen {
        yield Noisy("temporary").value();
        println!("resumed");
        yield 2;
    };
    println!("{:?}", g.next());
    println!("between");
    println!("{:?}", g.next());
}
