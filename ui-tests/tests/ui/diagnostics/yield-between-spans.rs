// rustc draws the line between two annotated lines: a `yield` there is shown as written, not
// as its lowering (the error itself is not about the generator).
#![feature(gen_blocks)]

fn main() {
    let g = gen {
        let n = 1;
        yield n;
        n = 2; //~ ERROR: cannot assign twice to immutable variable `n`
        yield n;
    };
    for x in g {
        println!("{x}");
    }
}
