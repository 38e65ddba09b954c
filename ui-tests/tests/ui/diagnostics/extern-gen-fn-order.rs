// `gen` after `extern "C"`: `extern "C" gen fn` does not parse (nightly: "expected `fn`, found
// reserved keyword `gen`"); the order nightly accepts is `gen extern "C" fn`.
#![feature(gen_blocks)]

pub unsafe extern "C" gen fn bytes(n: u8) -> u8 { //~ ERROR: expected `fn`, found reserved keyword `gen`
    for i in 0..n {
        yield i;
    }
}

fn main() {
    println!("{}", unsafe { bytes(3) }.count());
}
