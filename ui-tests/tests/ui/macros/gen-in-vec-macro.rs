//@run
// Gen blocks as arguments of `vec!`.
#![feature(gen_blocks)]

fn main() {
    let all: Vec<Box<dyn Iterator<Item = u8>>> = vec![
        Box::new(gen { yield 1; }),
        Box::new(gen { yield 2; }),
    ];
    for it in all {
        println!("{:?}", it.collect::<Vec<_>>());
    }
}
