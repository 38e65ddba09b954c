// `?` in a gen body is rejected (E0277).
#![feature(gen_blocks)]

fn main() {
    let g = gen {
        let n: u32 = "4".parse()?; //~ ERROR: the `?` operator can only be used in
        yield n;
    };
    println!("{}", g.count());
}
