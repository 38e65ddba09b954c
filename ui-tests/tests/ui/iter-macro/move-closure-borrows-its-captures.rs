//@run
// `iter!(move ..)`: nightly's generator borrows the closure's captures from the closure (a
// borrow of one across a `yield` is accepted; the closure is then `FnOnce`), and copies
// `Copy` captures and references (the closure stays `Fn`). yieldc's generator block was not
// `move`, so it borrowed the captures from the closure call and failed to build ("lifetime may
// not live long enough"). It is `move` now, and boxed when it uses a capture (its generator
// owns them, so a borrow of one across a `yield` cannot be proven).
#![feature(iter_macro, yield_expr)]

use std::iter::iter;

fn main() {
    let v = vec![1, 2, 3];
    let doubled = iter!(move || {
        for x in v.iter() {
            yield x * 2;
        }
    });
    println!("{:?}", doubled().collect::<Vec<_>>());

    let s = String::from("ab");
    let chars = iter!(move |n: usize| {
        for c in s.chars().take(n) {
            yield c;
        }
    });
    println!("{:?}", chars(1).collect::<Vec<_>>());

    let k = 5;
    let text = String::from("xyz");
    let r = &text;
    let reusable = iter!(move || {
        yield k;
        yield r.len();
    });
    println!("{:?}", reusable().collect::<Vec<_>>());
    println!("{:?}", reusable().collect::<Vec<_>>());

    let counting = iter!(move |limit: u32| {
        let mut n = 0;
        while n < limit {
            n += 1;
            yield n;
        }
    });
    println!("{:?} {:?}", counting(3).collect::<Vec<_>>(), counting(2).count());
}
