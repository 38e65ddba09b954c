//@run
//@edition:2021
// A struct named `gen` built with struct-literal syntax in edition 2021.
#[allow(non_camel_case_types)]
struct gen {
    value: u8,
}

fn main() {
    let g = gen { value: 3 };
    println!("{}", g.value);
}
