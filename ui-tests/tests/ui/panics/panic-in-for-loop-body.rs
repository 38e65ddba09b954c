//@run: 101
// A panic in the loop body (not the gen) has its own location; the gen is dropped while
// unwinding.
#![feature(gen_blocks)]

struct Noisy;
impl Drop for Noisy {
    fn drop(&mut self) {
        println!("gen local dropped");
    }
}

fn main() {
    let g = gen {
        let _n = Noisy;
        yield 1;
        yield 2;
    };
    for x in g {
        println!("{x}");
        assert_eq!(x, 2, "the consumer gave up");
    }
}
