//@run
// A `gen move` block that reads only `p.n` leaves `p.name` usable after it (edition 2021+
// disjoint capture; this failed with E0382 while the check copy rebound `p` whole).
#![feature(gen_blocks)]

struct P {
    name: String,
    n: usize,
}

fn main() {
    let p = P { name: "a".into(), n: 3 };
    let g = gen move {
        for i in 0..p.n {
            yield i;
        }
    };
    println!("{}", p.name);
    println!("{:?}", g.collect::<Vec<_>>());
}
