//@run
//@edition:2021
// `r#gen` is also fine in edition 2021.
fn main() {
    let r#gen = "raw";
    println!("{}", r#gen);
}
