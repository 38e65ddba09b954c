//@run
// `gen fn` in a trait's default method.
#![feature(gen_blocks)]

trait Countdown {
    fn start(&self) -> u32;
    gen fn countdown(&self) -> u32 {
        let mut n = self.start();
        while n > 0 {
            yield n;
            n -= 1;
        }
    }
}

struct Three;

impl Countdown for Three {
    fn start(&self) -> u32 {
        3
    }
}

fn main() {
    println!("{:?}", Three.countdown().collect::<Vec<_>>());
}
