// Borrowing a by-value capture of a `gen move` across `yield` is E0626.
#![feature(gen_blocks)]

fn make() -> impl Iterator<Item = char> {
    let word = String::from("hey");
    gen move {
        for c in word.chars() { //~ ERROR: borrow may still be in use when `gen` block yields
            yield c;
        }
    }
}

fn main() {
    println!("{:?}", make().collect::<String>());
}
