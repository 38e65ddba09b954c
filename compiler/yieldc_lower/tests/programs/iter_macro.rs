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
    reuse();
    for word in constant() {
        println!("{word}");
    }
}

fn reuse() {
    // Outer variables are borrowed, so the closure can be called again and `v` used after.
    let v = vec![1, 2];
    let f = iter!(|| {
        for x in v.iter() {
            yield *x;
        }
    });
    println!("{:?}", f().collect::<Vec<_>>());
    println!("{:?}", f().collect::<Vec<_>>());
    let scale = 3;
    let g = iter!(|k: i32| {
        yield k * scale;
        yield k * scale * 2;
    });
    println!("{:?} {:?} {v:?}", g(1).collect::<Vec<_>>(), g(2).collect::<Vec<_>>());
}
