//@run
// `break` out of a `for` over a gen drops the gen (and its live locals) right there.
#![feature(gen_blocks)]

struct Noisy(&'static str);
impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn main() {
    for x in gen {
        let _guard = Noisy("guard");
        yield 1;
        yield 2;
    } {
        println!("got {x}");
        break;
    }
    println!("after the loop");
}
