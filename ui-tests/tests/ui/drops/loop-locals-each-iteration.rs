//@run
// A local of a loop body drops at the end of each iteration, after that iteration's yield.
#![feature(gen_blocks)]

struct Noisy(u32);
impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn main() {
    let g = gen {
        for i in 0..3 {
            let n = Noisy(i);
            yield n.0;
        }
    };
    for x in g {
        println!("got {x}");
    }
}
