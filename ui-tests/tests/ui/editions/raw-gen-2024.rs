//@run
// `r#gen` is an identifier in edition 2024.
fn r#gen() -> u8 {
    24
}

fn main() {
    let r#gen = r#gen();
    println!("{}", r#gen);
}
