//@run
// An inner gen held across the outer's `yield` drops with the outer.
#![feature(gen_blocks)]

struct Noisy(&'static str);
impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn main() {
    let mut outer = gen {
        let _outer_local = Noisy("outer local");
        let inner = gen {
            let _inner_local = Noisy("inner local");
            yield 1;
            yield 2;
        };
        for x in inner {
            yield x;
        }
    };
    println!("{:?}", outer.next());
    drop(outer);
    println!("done");
}
