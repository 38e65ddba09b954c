//@run
// `assert_eq!` comparing a gen's items.
#![feature(gen_blocks)]

fn main() {
    assert_eq!(gen { yield 1; yield 2; }.collect::<Vec<_>>(), vec![1, 2]);
    println!("equal");
}
