//@run
//@edition:2021
// A module named `gen` in edition 2021.
mod gen {
    pub fn id() -> u8 {
        1
    }
}

fn main() {
    println!("{}", gen::id());
}
