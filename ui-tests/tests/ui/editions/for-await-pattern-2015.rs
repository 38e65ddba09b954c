//@run
//@edition:2015
// `for await in ..` in edition 2015 is a plain `for` loop binding a variable named `await`,
// so the `async_for_loop` gate is declared but not used (nightly's `unused_features`).
#![feature(async_for_loop)]

fn main() {
    let mut total = 0;
    for await in 1..4 {
        total += await;
    }
    println!("{}", total);
}
