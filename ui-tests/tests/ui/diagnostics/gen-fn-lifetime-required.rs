// A `gen fn` that yields a reference of a parameter whose lifetime is not the item's: E0621
// on the body, as nightly (the span is the generator's hidden type, in the runtime's macro).
#![feature(gen_blocks)]

gen fn longest<'a>(a: &'a str, b: &str) -> &'a str { //~ ERROR: explicit lifetime required in the type of `b`
    if a.len() > b.len() {
        yield a;
    } else {
        yield b;
    }
}

fn main() {
    println!("{:?}", longest("ab", "c").collect::<Vec<_>>());
}
