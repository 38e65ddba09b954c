//@run
// A `pub gen fn` in a module, called from outside it.
#![feature(gen_blocks)]

mod letters {
    pub gen fn vowels() -> char {
        for c in "aeiou".chars() {
            yield c;
        }
    }
}

fn main() {
    println!("{}", letters::vowels().collect::<String>());
}
