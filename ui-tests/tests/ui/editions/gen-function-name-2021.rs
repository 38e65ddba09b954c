//@run
//@edition:2021
// A function named `gen` in edition 2021.
fn gen() -> &'static str {
    "called gen()"
}

fn main() {
    println!("{}", gen());
}
