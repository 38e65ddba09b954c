//@run
// A `$body:block` fragment made into a gen block.
#![feature(gen_blocks)]

macro_rules! make_gen {
    ($body:block) => {
        gen $body
    };
}

fn main() {
    let g = make_gen!({
        yield 10;
        yield 20;
    });
    println!("{:?}", g.collect::<Vec<_>>());
}
