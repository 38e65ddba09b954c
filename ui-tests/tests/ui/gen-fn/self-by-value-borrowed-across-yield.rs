//@run
// FIXME(yieldc): nightly rejects this program: `&self.0` borrows the generator's own `self` (taken
// by value) across a `yield`, E0626 "borrow may still be in use when `gen` fn body yields".
// yieldc has no check copy for a body that uses a by-value `self` (it cannot be rebound), so the
// body is boxed (sound: the boxed generator does not move) and the borrow is accepted.
#![feature(gen_blocks)]

struct Bytes(Vec<u8>);

impl Bytes {
    gen fn into_items(self) -> u8 {
        for x in &self.0 {
            yield *x;
        }
    }
}

fn main() {
    println!("{:?}", Bytes(vec![1, 2]).into_items().collect::<Vec<_>>());
}
