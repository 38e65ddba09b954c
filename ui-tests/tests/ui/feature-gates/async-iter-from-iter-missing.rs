// `async_iter::from_iter` without `#![feature(async_iter_from_iter)]`.
// FIXME(yieldc): nightly rejects it with E0658@5; yieldc accepts it (see the nightly-diff allow file).
//@check-pass
#![feature(async_iterator)]

fn main() {
    let _it = std::async_iter::from_iter([1, 2]);
}
