// A value moved into a `gen move` block and used after: the label sits on `gen move`, and the
// suggestion to clone is drawn as an edit.
#![feature(gen_blocks)]

fn main() {
    let s = String::new();
    let g = gen move {
        yield s.len();
    };
    println!("{}", s); //~ ERROR: borrow of moved value: `s`
    for _ in g {}
}
