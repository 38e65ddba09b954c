//@run
// Dropped mid-way, a `gen fn` drops its locals, then its arguments.
#![feature(gen_blocks)]

struct Noisy(&'static str);
impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

gen fn hold(x: Noisy, y: Noisy) -> &'static str {
    let _local = Noisy("local");
    yield x.0;
    yield y.0;
}

fn main() {
    let mut it = hold(Noisy("x"), Noisy("y"));
    println!("{:?}", it.next());
    drop(it);
    println!("done");
}
