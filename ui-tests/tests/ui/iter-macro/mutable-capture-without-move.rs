//@run
// An `iter!` closure without `move` that mutates outer variables: nightly's generator moves
// the closure's `&mut` captures, so the closure is `FnOnce` (`it()` needs no `mut` binding)
// and the outer variables see the changes. yieldc's generator borrowed them from an `FnMut`
// closure ("captured variable cannot escape `FnMut` closure body"); the driver now compiles
// such a closure as `FnOnce`. Also: a `&mut self` method on a capture (`source.next()`),
// parameters, and a closure whose `iter!(` ends its line.
#![feature(iter_macro, yield_expr)]

use std::iter::iter;

fn main() {
    let mut count = 0;
    {
        let it = iter!(|| {
            count += 1;
            yield count;
            count += 1;
            yield count;
        });
        let v: Vec<i32> = it().collect();
        println!("{v:?}");
    }
    println!("{count}");

    let data = [3, 4, 5];
    let mut source = data.iter();
    let rest = iter!(|n: usize| {
        for _ in 0..n {
            if let Some(x) = source.next() {
                yield *x * 10;
            }
        }
    });
    println!("{:?}", rest(2).collect::<Vec<_>>());
    println!("{:?}", source.next());

    let mut log = Vec::new();
    let logged = iter!(
        || {
            log.push("start");
            yield 1;
            log.push("end");
        });
    println!("{:?} {log:?}", logged().collect::<Vec<_>>());

    // Shared captures only: the closure stays `Fn`.
    let words = ["a", "bc"];
    let lengths = iter!(|| {
        for w in &words {
            yield w.len();
        }
    });
    println!("{:?} {:?}", lengths().collect::<Vec<_>>(), lengths().count());
}
