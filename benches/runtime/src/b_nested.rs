//! Workload b: nested loops, `for i in 0..a { for j in 0..b { yield i * j } }`.

use crate::{sum, sum_stream};

pub const A: u32 = 1000;
pub const B: u32 = 1000;

/// The hand-written iterator.
pub struct Nested {
    i: u32,
    j: u32,
    a: u32,
    b: u32,
}

impl Iterator for Nested {
    type Item = u32;

    #[inline]
    fn next(&mut self) -> Option<u32> {
        loop {
            if self.i >= self.a {
                return None;
            }
            if self.j < self.b {
                let item = self.i * self.j;
                self.j += 1;
                return Some(item);
            }
            self.j = 0;
            self.i += 1;
        }
    }
}

#[inline(never)]
pub fn handwritten((a, b): (u32, u32)) -> u64 {
    sum(Nested { i: 0, j: 0, a, b })
}

/// The same with std's adapters (for reference; ratios are to `handwritten`).
#[inline(never)]
pub fn std_adapters((a, b): (u32, u32)) -> u64 {
    sum((0..a).flat_map(|i| (0..b).map(move |j| i * j)))
}

#[inline(never)]
pub fn yieldc_gen((a, b): (u32, u32)) -> u64 {
    let g = {
        let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__gen_parts!();
        ::yieldc_rt::Gen::new(__yieldc_key, async move {
            let __yieldc_co = __yieldc_co;
            for i in 0..a {
                for j in 0..b {
                    __yieldc_co.yield_(i * j).await;
                }
            }
        })
    };
    sum(g)
}

#[inline(never)]
pub fn yieldc_boxed((a, b): (u32, u32)) -> u64 {
    let g = {
        let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__gen_parts!();
        ::yieldc_rt::BoxedGen::new(__yieldc_key, async move {
            let __yieldc_co = __yieldc_co;
            for i in 0..a {
                for j in 0..b {
                    __yieldc_co.yield_(i * j).await;
                }
            }
        })
    };
    sum(g)
}

#[inline(never)]
pub fn genawaiter_stack((a, b): (u32, u32)) -> u64 {
    genawaiter::stack::let_gen_using!(g, |co| async move {
        for i in 0..a {
            for j in 0..b {
                co.yield_(i * j).await;
            }
        }
    });
    sum(g.into_iter())
}

#[inline(never)]
pub fn genawaiter_rc((a, b): (u32, u32)) -> u64 {
    let g = genawaiter::rc::Gen::new(|co| async move {
        for i in 0..a {
            for j in 0..b {
                co.yield_(i * j).await;
            }
        }
    });
    sum(g.into_iter())
}

#[inline(never)]
pub fn async_stream((a, b): (u32, u32)) -> u64 {
    sum_stream(async_stream::stream! {
        for i in 0..a {
            for j in 0..b {
                yield i * j;
            }
        }
    })
}
