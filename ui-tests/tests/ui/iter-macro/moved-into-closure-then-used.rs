// A variable moved into an `iter!` closure, then used: E0382 with nightly's "value moved here"
// on the whole closure, without rustc's labels and help about the closure's body (the use that
// moves it, the loop around that use, cloning it there).
#![feature(iter_macro, yield_expr)]

use std::iter::iter;

fn main() {
    let name = String::from("n");
    let it = iter!(move || { yield name.len(); });
    println!("{}", name); //~ ERROR: borrow of moved value: `name`
    println!("{:?}", it().collect::<Vec<_>>());

    let label = String::from("l");
    let numbered = iter!(move |k: u32| {
        for i in 0..k {
            yield format!("{label}) {i}");
        }
    });
    println!("{}", label); //~ ERROR: borrow of moved value: `label`
    println!("{:?}", numbered(1).collect::<Vec<_>>());

    let other = vec![1];
    let by_ref = iter!(|| { let o = other; yield o.len(); });
    println!("{:?}", other); //~ ERROR: borrow of moved value: `other`
    drop(by_ref);
}
