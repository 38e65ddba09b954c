//@run
// `gen extern "C" fn` is nightly's order for an `extern` gen fn. FIXME(yieldc): nightly also
// warns that the returned iterator is not FFI-safe; yieldc drops that lint (it points into the
// rewritten return type).
#![feature(gen_blocks)]

gen extern "C" fn countdown(n: u8) -> u8 {
    for i in (0..n).rev() {
        yield i;
    }
}

fn main() {
    println!("{:?}", countdown(3).collect::<Vec<_>>());
}
