//@run
// A gen block holding only `Send` values across yields is `Send`.
#![feature(gen_blocks)]

fn assert_send<T: Send>(t: T) -> T {
    t
}

fn main() {
    let g = assert_send(gen {
        let s = String::from("send");
        yield s.len();
    });
    println!("{:?}", g.collect::<Vec<_>>());
}
