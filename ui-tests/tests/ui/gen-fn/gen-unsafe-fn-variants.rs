//@run
// `gen unsafe fn` with a visibility, an attribute, as a method, and `async gen unsafe fn`.
#![feature(gen_blocks, async_iterator)]

use std::async_iter::AsyncIterator;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

#[inline]
pub gen unsafe fn first(pointer: *const u8) -> u8 {
    yield unsafe { *pointer };
}

struct Buffer(Vec<u8>);

impl Buffer {
    pub(crate) gen unsafe fn unchecked(&self, len: usize) -> u8 {
        for i in 0..len {
            yield unsafe { *self.0.get_unchecked(i) };
        }
    }
}

async gen unsafe fn stream(pointer: *const u8, len: usize) -> u8 {
    for i in 0..len {
        yield unsafe { *pointer.add(i) };
    }
}

fn main() {
    let data = [4u8, 5, 6];
    println!("{:?}", unsafe { first(data.as_ptr()) }.collect::<Vec<_>>());
    let buffer = Buffer(vec![1, 2, 3]);
    println!("{:?}", unsafe { buffer.unchecked(2) }.collect::<Vec<_>>());
    let mut items = pin!(unsafe { stream(data.as_ptr(), 2) });
    let mut cx = Context::from_waker(Waker::noop());
    while let Poll::Ready(Some(item)) = items.as_mut().poll_next(&mut cx) {
        println!("{item}");
    }
}
