//@run
// A generic `gen fn` with a bound.
#![feature(gen_blocks)]

use std::fmt::Display;

gen fn labelled<T: Display>(items: Vec<T>) -> String {
    for (i, item) in items.into_iter().enumerate() {
        yield format!("{i}:{item}");
    }
}

fn main() {
    println!("{:?}", labelled(vec![1.5, 2.5]).collect::<Vec<_>>());
    println!("{:?}", labelled(vec!['a']).collect::<Vec<_>>());
}
