//@ nightly-error: E0626
#![feature(gen_blocks)]

fn main() {
    let g = gen {
        let s = String::from("abc");
        let r = &s;
        yield 1;
        println!("{r}");
    };
    println!("{}", g.count());
}
