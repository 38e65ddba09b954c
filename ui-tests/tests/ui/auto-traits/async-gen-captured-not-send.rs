// An `async gen` block that captures an `Rc`: nightly's wording.
#![feature(gen_blocks, async_iterator)]

use std::rc::Rc;

fn takes_send<T: Send>(_: T) {}

fn main() {
    let rc = Rc::new(1);
    takes_send(async gen move { //~ ERROR: cannot be sent between threads safely
        yield *rc;
    });
}
