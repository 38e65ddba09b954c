//@run
// An `async gen` with `Send` state is `Send`.
#![feature(gen_blocks, async_iterator)]

fn assert_send<T: Send>(_: &T) {}

fn main() {
    let g = async gen {
        let s = String::from("x");
        yield s.len();
    };
    assert_send(&g);
    println!("send");
}
