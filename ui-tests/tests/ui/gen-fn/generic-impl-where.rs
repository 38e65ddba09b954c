//@run
// A generic `impl` with `where` clauses on the impl and the `gen fn`.
#![feature(gen_blocks)]

use std::fmt::Debug;
struct Wrap<T>(Vec<T>);
impl<T> Wrap<T> where T: Clone + Debug {
    gen fn doubled(&self) -> (T, T) where T: PartialEq {
        for x in self.0.iter() {
            yield (x.clone(), x.clone());
        }
    }
}
fn main() {
    let w = Wrap(vec![1, 2]);
    for p in w.doubled() { println!("{:?}", p); }
}
