//@run
// Every call of a `gen fn` starts a fresh iterator.
#![feature(gen_blocks)]

gen fn abc() -> char {
    yield 'a';
    yield 'b';
    yield 'c';
}

fn main() {
    let mut first = abc();
    first.next();
    let second = abc();
    println!("{:?} {:?}", first.collect::<String>(), second.collect::<String>());
}
