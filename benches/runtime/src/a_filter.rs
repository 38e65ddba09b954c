//! Workload a: a tight loop with a filter, `for x in 0..n { if x % 3 != 0 { yield x } }`.

use crate::{sum, sum_stream};

pub const N: u32 = 1_000_000;

/// Items yielded for `n`.
pub fn items(n: u32) -> u64 {
    (0..n).filter(|x| x % 3 != 0).count() as u64
}

/// The hand-written iterator.
pub struct Filter {
    x: u32,
    n: u32,
}

impl Iterator for Filter {
    type Item = u32;

    #[inline]
    fn next(&mut self) -> Option<u32> {
        while self.x < self.n {
            let x = self.x;
            self.x += 1;
            if x % 3 != 0 {
                return Some(x);
            }
        }
        None
    }
}

#[inline(never)]
pub fn handwritten(n: u32) -> u64 {
    sum(Filter { x: 0, n })
}

/// The same with std's adapters (for reference; ratios are to `handwritten`).
#[inline(never)]
pub fn std_adapters(n: u32) -> u64 {
    sum((0..n).filter(|x| x % 3 != 0))
}

#[inline(never)]
pub fn yieldc_gen(n: u32) -> u64 {
    let g = {
        let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__gen_parts!();
        ::yieldc_rt::Gen::new(__yieldc_key, async move {
            let __yieldc_co = __yieldc_co;
            for x in 0..n {
                if x % 3 != 0 {
                    __yieldc_co.yield_(x).await;
                }
            }
        })
    };
    sum(g)
}

#[inline(never)]
pub fn yieldc_boxed(n: u32) -> u64 {
    let g = {
        let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__gen_parts!();
        ::yieldc_rt::BoxedGen::new(__yieldc_key, async move {
            let __yieldc_co = __yieldc_co;
            for x in 0..n {
                if x % 3 != 0 {
                    __yieldc_co.yield_(x).await;
                }
            }
        })
    };
    sum(g)
}

#[inline(never)]
pub fn genawaiter_stack(n: u32) -> u64 {
    genawaiter::stack::let_gen_using!(g, |co| async move {
        for x in 0..n {
            if x % 3 != 0 {
                co.yield_(x).await;
            }
        }
    });
    sum(g.into_iter())
}

#[inline(never)]
pub fn genawaiter_rc(n: u32) -> u64 {
    let g = genawaiter::rc::Gen::new(|co| async move {
        for x in 0..n {
            if x % 3 != 0 {
                co.yield_(x).await;
            }
        }
    });
    sum(g.into_iter())
}

#[inline(never)]
pub fn async_stream(n: u32) -> u64 {
    sum_stream(async_stream::stream! {
        for x in 0..n {
            if x % 3 != 0 {
                yield x;
            }
        }
    })
}
