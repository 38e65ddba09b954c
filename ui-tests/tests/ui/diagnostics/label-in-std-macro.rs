// A borrow error whose "later used here" lies in the standard library's `println!`, in a file
// the lowering changed: rustc's human output draws that label at the `println!` invocation (its
// JSON keeps the span inside `macros.rs`), and yieldc's redrawn diagnostic must too.
#![feature(gen_blocks)]

fn main() {
    let mut it = gen { yield 1u32; yield 2; }.peekable();
    println!("{:?} {:?}", it.peek(), it.size_hint()); //~ ERROR: cannot borrow `it` as immutable
    let mut v = vec![1u32];
    let first = &v[0];
    v.push(2); //~ ERROR: cannot borrow `v` as mutable
    assert_eq!(*first, 1);
}
