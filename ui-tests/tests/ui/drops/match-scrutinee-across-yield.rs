//@run
// A temporary in a `match` scrutinee lives through the arms, across their yields.
#![feature(gen_blocks)]

struct Noisy(&'static str);
impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}
impl Noisy {
    fn kind(&self) -> u8 {
        1
    }
}

fn main() {
    let mut g = gen {
        match Noisy("scrutinee").kind() {
            1 => {
                yield "in the arm";
                yield "still in the arm";
            }
            _ => {}
        }
        yield "after the match";
    };
    println!("{:?}", g.next());
    println!("{:?}", g.next());
    println!("{:?}", g.next());
}
