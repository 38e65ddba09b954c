//@run
// `yield e` is an expression of type `()`.
#![feature(gen_blocks)]

fn main() {
    let mut g = gen {
        let unit: () = yield 'a';
        println!("after the first yield: {unit:?}");
        yield 'b';
    };
    println!("{:?}", g.next());
    println!("{:?}", g.next());
    println!("{:?}", g.next());
}
