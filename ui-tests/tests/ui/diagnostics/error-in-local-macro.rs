// An error inside a local macro's expansion: rustc labels the invocation and says which macro
// the error comes from (its JSON has neither).
#![feature(gen_blocks)]

macro_rules! widen {
    ($value:expr) => {
        let _: u64 = $value as u8;
        //~^ ERROR: mismatched types
    };
}

fn main() {
    let g = gen { widen!(3); yield 1u8 };
    for _ in g {}
}
