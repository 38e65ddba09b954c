//@run
// `peekable()` over a gen block.
#![feature(gen_blocks)]

fn main() {
    let mut p = gen {
        yield 'p';
        yield 'q';
    }
    .peekable();
    println!("{:?}", p.peek());
    println!("{:?}", p.next());
    println!("{:?}", p.next());
    println!("{:?}", p.peek());
}
