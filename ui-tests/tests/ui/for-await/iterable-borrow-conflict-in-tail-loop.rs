// A `for await` over an async iterator that borrows `v`, pushing to `v` in the body: E0502.
// FIXME(yieldc): nightly labels the iterable "a temporary with access to the immutable borrow
// is created here ...", the end of the loop "... and the immutable borrow might be used here,
// when that temporary is dropped", and suggests a `;` after the loop (the tail of the body);
// yieldc says the borrow is used "when `pinned` is dropped", the runtime's binding.
#![feature(gen_blocks, async_iterator, async_for_loop)]

async gen fn over<'a>(v: &'a [u8]) -> &'a u8 {
    for x in v {
        yield x;
    }
}

async fn extend() {
    let mut v = vec![1u8, 2];
    for await x in over(&v) {
        v.push(*x); //~ ERROR: cannot borrow `v` as mutable because it is also borrowed as immutable
    }
}

fn main() {
    let _ = extend();
}
