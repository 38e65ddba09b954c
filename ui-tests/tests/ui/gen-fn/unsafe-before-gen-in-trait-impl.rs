// `unsafe gen fn` (nightly wants `gen unsafe fn`) in a trait impl: a parse error at `gen`.
// FIXME(yieldc): nightly's error also labels the impl's item list ("while parsing this item list
// starting here", "the item list ends here") and, after recovering, reports E0046 (the impl
// misses `read_all`); yieldc's front end reports the parse error alone and does not run rustc.
#![feature(gen_blocks)]

trait Raw {
    unsafe fn read_all(&self) -> impl Iterator<Item = u8>;
}

struct P(Vec<u8>);

impl Raw for P {
    unsafe gen fn read_all(&self) -> u8 {
        //~^ ERROR: expected one of `extern` or `fn`
        for i in 0..self.0.len() {
            // SAFETY: `i < self.0.len()`, so the pointer is in bounds of the vector's data.
            yield unsafe { *self.0.as_ptr().add(i) };
        }
    }
}

fn main() {}
