// A method whose bound a gen block written in place does not meet (`gen { .. }.rev()`): E0277
// at the method, labelled with the unmet trait, as for any other receiver.
#![feature(gen_blocks)]

fn main() {
    let _ = gen { yield 2; }.rev(); //~ ERROR: the trait bound
    let _ = gen {
        yield 3;
    }
    .rev(); //~ ERROR: the trait bound
}
