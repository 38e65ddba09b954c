// A `ref` binding in a `gen fn`'s pattern parameter, used after a `yield`: the generator borrows
// its own copy of the argument across the `yield`.
// FIXME(yieldc): nightly reports E0626 "borrow may still be in use when `gen` fn body yields".
// yieldc keeps a pattern with a `ref` binding in the signature (moving it into the body would
// make a borrow of the body's local that the check copy cannot see), where the binding borrows
// a temporary of the outer function: E0716 on the same line.
#![feature(gen_blocks)]

gen fn h((ref s, n): (String, u8)) -> usize {
    //~^ ERROR: temporary value dropped while borrowed
    yield n as usize;
    yield s.len();
}

fn main() {
    let mut g = h(("abc".into(), 1));
    println!("{:?}", g.next());
}
