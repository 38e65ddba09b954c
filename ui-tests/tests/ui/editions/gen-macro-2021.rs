//@run
//@edition:2021
// A macro named `gen` in edition 2021.
macro_rules! gen {
    ($x:expr) => {
        $x * 2
    };
}

fn main() {
    println!("{}", gen!(21));
}
