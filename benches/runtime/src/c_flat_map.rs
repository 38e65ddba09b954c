//! Workload c: many two-item generators, `(0..n).flat_map(|i| gen move { yield i; yield i + 1 })`.
//! Measures the cost of creating, running and dropping a generator.
//!
//! genawaiter's `stack` generators and async-stream's streams cannot be returned from the
//! `flat_map` closure (the first borrows a local shelf, the second needs an executor), so they
//! are measured as `for i in 0..n { create; drain }` loops, next to the same loop for the
//! hand-written iterator and the inline yieldc generator (`*_loop` variants).
//!
//! The `create_*` functions only create and drop a generator (through `black_box`, so that it is
//! really built): the creation cost with nothing else in the loop.

use std::hint::black_box;

use crate::{sum, sum_stream};

pub const N: u32 = 500_000;

/// The hand-written iterator.
pub struct Two {
    i: u32,
    state: u8,
}

impl Two {
    #[inline(always)]
    pub fn new(i: u32) -> Self {
        Two { i, state: 0 }
    }
}

impl Iterator for Two {
    type Item = u32;

    #[inline]
    fn next(&mut self) -> Option<u32> {
        match self.state {
            0 => {
                self.state = 1;
                Some(self.i)
            }
            1 => {
                self.state = 2;
                Some(self.i + 1)
            }
            _ => None,
        }
    }
}

#[inline(always)]
fn make_yieldc_gen(i: u32) -> impl Iterator<Item = u32> {
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__gen_parts!();
    ::yieldc_rt::Gen::new(__yieldc_key, async move {
        let __yieldc_co = __yieldc_co;
        __yieldc_co.yield_(i).await;
        __yieldc_co.yield_(i + 1).await;
    })
}

#[inline(always)]
fn make_yieldc_boxed(i: u32) -> impl Iterator<Item = u32> {
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__gen_parts!();
    ::yieldc_rt::BoxedGen::new(__yieldc_key, async move {
        let __yieldc_co = __yieldc_co;
        __yieldc_co.yield_(i).await;
        __yieldc_co.yield_(i + 1).await;
    })
}

#[inline(always)]
fn make_genawaiter_rc(i: u32) -> impl Iterator<Item = u32> {
    genawaiter::rc::Gen::new(move |co| async move {
        co.yield_(i).await;
        co.yield_(i + 1).await;
    })
    .into_iter()
}

#[inline(always)]
fn make_async_stream(i: u32) -> impl futures_core::Stream<Item = u32> {
    async_stream::stream! {
        yield i;
        yield i + 1;
    }
}

#[inline(never)]
pub fn handwritten(n: u32) -> u64 {
    sum((0..n).flat_map(Two::new))
}

#[inline(never)]
pub fn yieldc_gen(n: u32) -> u64 {
    sum((0..n).flat_map(|i| make_yieldc_gen(i)))
}

#[inline(never)]
pub fn yieldc_boxed(n: u32) -> u64 {
    sum((0..n).flat_map(|i| make_yieldc_boxed(i)))
}

#[inline(never)]
pub fn genawaiter_rc(n: u32) -> u64 {
    sum((0..n).flat_map(|i| make_genawaiter_rc(i)))
}

#[inline(never)]
pub fn handwritten_loop(n: u32) -> u64 {
    let mut acc = 0u64;
    for i in 0..n {
        acc = acc.wrapping_add(sum(Two::new(i)));
    }
    acc
}

#[inline(never)]
pub fn yieldc_gen_loop(n: u32) -> u64 {
    let mut acc = 0u64;
    for i in 0..n {
        acc = acc.wrapping_add(sum(make_yieldc_gen(i)));
    }
    acc
}

#[inline(never)]
pub fn genawaiter_stack_loop(n: u32) -> u64 {
    let mut acc = 0u64;
    for i in 0..n {
        genawaiter::stack::let_gen_using!(g, |co| async move {
            co.yield_(i).await;
            co.yield_(i + 1).await;
        });
        acc = acc.wrapping_add(sum(g.into_iter()));
    }
    acc
}

#[inline(never)]
pub fn async_stream_loop(n: u32) -> u64 {
    let mut acc = 0u64;
    for i in 0..n {
        acc = acc.wrapping_add(sum_stream(make_async_stream(i)));
    }
    acc
}

#[inline(never)]
pub fn create_handwritten(n: u32) -> u64 {
    for i in 0..n {
        drop(black_box(Two::new(i)));
    }
    n as u64
}

#[inline(never)]
pub fn create_yieldc_gen(n: u32) -> u64 {
    for i in 0..n {
        drop(black_box(make_yieldc_gen(i)));
    }
    n as u64
}

#[inline(never)]
pub fn create_yieldc_boxed(n: u32) -> u64 {
    for i in 0..n {
        drop(black_box(make_yieldc_boxed(i)));
    }
    n as u64
}

#[inline(never)]
pub fn create_genawaiter_rc(n: u32) -> u64 {
    for i in 0..n {
        drop(black_box(make_genawaiter_rc(i)));
    }
    n as u64
}

#[inline(never)]
pub fn create_async_stream(n: u32) -> u64 {
    for i in 0..n {
        drop(black_box(make_async_stream(i)));
    }
    n as u64
}
