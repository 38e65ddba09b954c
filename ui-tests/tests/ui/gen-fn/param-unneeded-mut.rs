//@run
// An unneeded `mut` on a `gen fn` parameter: nightly's warning, at the parameter.
#![feature(gen_blocks)]

gen fn items(mut first: u8, mut rest: Vec<u8>) -> u8 {
    yield first;
    rest.push(9);
    for item in rest {
        yield item;
    }
}

fn main() {
    println!("{:?}", items(1, vec![2]).collect::<Vec<_>>());
}
