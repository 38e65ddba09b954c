#![feature(iter_macro, yield_expr)]

use std::iter::iter;

fn main() {
    let evens = iter!(|n: u32| {
        for i in 0..n {
            yield i * 2;
        }
    });
    println!("{:?}", evens(3).collect::<Vec<_>>());
    println!("{:?}", evens(5).collect::<Vec<_>>());

    let pair = iter!(|a: char, b: char| {
        yield a;
        yield b;
    });
    println!("{:?}", pair('x', 'y').collect::<String>());

    let constant = iter!(|| {
        yield "one";
        yield "two";
    });
    for word in constant() {
        println!("{word}");
    }
}
