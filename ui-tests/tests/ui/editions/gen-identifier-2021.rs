//@run
//@edition:2021
// In edition 2021 `gen` is an ordinary identifier.
fn main() {
    let gen = 5;
    println!("{}", gen + 1);
}
