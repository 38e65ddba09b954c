// An `iter!` closure used as an iterator without calling it: E0277 (E0599 for a method), the
// closure named `{gen closure@..}` as nightly names it.
#![feature(iter_macro, yield_expr)]
use std::iter::iter;

fn main() {
    let make = iter!(|| {
        yield 1;
    });
    for x in make {
        //~^ ERROR: is not an iterator
        println!("{x}");
    }
    let with_path = std::iter::iter!(move |n: u8| {
        yield n;
    });
    let _: Vec<u8> = with_path.collect();
    //~^ ERROR: the method `collect` exists for closure
}
