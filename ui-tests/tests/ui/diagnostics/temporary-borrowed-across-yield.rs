// A temporary borrowed by the `for` iterator across `yield` is E0626.
#![feature(gen_blocks)]

fn main() {
    let g = gen {
        for c in String::from("ab").chars() { //~ ERROR: borrow may still be in use when `gen` block yields
            yield c;
        }
    };
    println!("{}", g.count());
}
