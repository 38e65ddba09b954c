// A raw pointer live across `yield` makes the gen `!Send`.
#![feature(gen_blocks)]

fn assert_send<T: Send>(_: T) {}

fn main() {
    let x = 5;
    assert_send(gen move { //~ ERROR: cannot be sent between threads safely
        let p: *const i32 = &x;
        yield 1;
        let _ = p;
    });
}
