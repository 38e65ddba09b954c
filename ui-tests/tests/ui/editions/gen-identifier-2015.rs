//@run
//@edition:2015
// In edition 2015 `gen` is an identifier.
fn main() {
    let gen = vec![1, 2];
    println!("{:?}", gen);
}
