//@run
// Merging two sorted iterators.
#![feature(gen_blocks)]

gen fn merge(a: impl Iterator<Item = i32>, b: impl Iterator<Item = i32>) -> i32 {
    let mut a = a.peekable();
    let mut b = b.peekable();
    loop {
        match (a.peek(), b.peek()) {
            (Some(x), Some(y)) => {
                if x <= y {
                    yield a.next().unwrap();
                } else {
                    yield b.next().unwrap();
                }
            }
            (Some(_), None) => yield a.next().unwrap(),
            (None, Some(_)) => yield b.next().unwrap(),
            (None, None) => return,
        }
    }
}

fn main() {
    println!("{:?}", merge([1, 4, 9].into_iter(), [2, 3, 10].into_iter()).collect::<Vec<_>>());
}
