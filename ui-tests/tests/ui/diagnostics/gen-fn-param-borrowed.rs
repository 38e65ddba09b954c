// Borrowing an owned `gen fn` parameter across `yield` is E0626.
#![feature(gen_blocks)]

gen fn each(v: Vec<u32>) -> u32 {
    for x in &v { //~ ERROR: borrow may still be in use when `gen` fn body yields
        yield *x;
    }
}

fn main() {
    println!("{}", each(vec![1]).count());
}
