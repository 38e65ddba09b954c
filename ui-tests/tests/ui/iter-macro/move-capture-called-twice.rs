// An `iter!` closure whose generator moves a capture (`move` or not, a use that moves or only
// borrows the owned capture) is `FnOnce`: a second call is E0382 with nightly's labels (the
// closure's type, the clone help), without rustc's note on the moved variable, which nightly
// does not give for a gen closure. Also for the innermost of nested closures, and a plain
// closure keeps its note.
#![feature(iter_macro, yield_expr)]

use std::iter::iter;

fn main() {
    let name = String::from("n");
    let it = iter!(move |k: usize| {
        for i in 0..k {
            yield format!("{name}{i}");
        }
    });
    println!("{:?}", it(2).collect::<Vec<_>>());
    println!("{:?}", it(3).collect::<Vec<_>>());
    //~^ ERROR: use of moved value: `it`

    let owned = String::from("o");
    let by_ref = iter!(|| {
        let s = owned;
        yield s;
    });
    println!("{:?}", by_ref().collect::<Vec<_>>());
    println!("{:?}", by_ref().collect::<Vec<_>>());
    //~^ ERROR: use of moved value: `by_ref`

    let outer = iter!(|| {
        let label = String::from("x");
        let inner = iter!(move || {
            let l = label;
            yield l;
        });
        for s in inner() {
            yield s;
        }
        for s in inner() {
            //~^ ERROR: use of moved value: `inner`
            yield s;
        }
    });
    println!("{:?}", outer().collect::<Vec<_>>());

    let plain_name = String::from("p");
    let plain = move || plain_name;
    plain();
    plain();
    //~^ ERROR: use of moved value: `plain`
}
