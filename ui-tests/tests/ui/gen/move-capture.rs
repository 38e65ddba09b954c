//@run
// `gen move` takes ownership of what it mentions.
#![feature(gen_blocks)]

fn make() -> impl Iterator<Item = u8> {
    let word = String::from("hey");
    gen move {
        for byte in word.into_bytes() {
            yield byte;
        }
    }
}

fn main() {
    println!("{:?}", make().collect::<Vec<_>>());
}
