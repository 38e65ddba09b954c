// In edition 2024 `gen` is a reserved keyword.
fn main() {
    let gen = 5; //~ ERROR: expected identifier, found reserved keyword `gen`
    println!("{gen}"); //~ ERROR: cannot find value `r#gen` in this scope
}
