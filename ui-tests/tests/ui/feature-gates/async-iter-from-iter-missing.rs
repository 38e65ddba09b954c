// `async_iter::from_iter` without `#![feature(async_iter_from_iter)]`.
#![feature(async_iterator)]

fn main() {
    let _it = std::async_iter::from_iter([1, 2]); //~ ERROR: use of unstable library feature `async_iter_from_iter`
}
