// `const gen fn` parses but nightly's AST validation refuses it, twice.
#![feature(gen_blocks)]

pub const gen fn digits() -> u8 {
    //~^ ERROR: functions cannot be both `const` and `gen`
    //~| ERROR: `gen` fn bodies are not allowed in constant functions
    yield 1;
}

fn main() {
    println!("{}", digits().count());
}
