//@run
// A gen block inside `println!` arguments.
#![feature(gen_blocks)]

fn main() {
    println!("{:?}", gen {
        yield "inside";
        yield "println";
    }
    .collect::<Vec<_>>());
}
