// `gen` comes before `unsafe`: `unsafe gen fn` does not parse (nightly: "expected one of
// `extern` or `fn`, found reserved keyword `gen`").
#![feature(gen_blocks)]

unsafe gen fn read_all(pointer: *const u8, len: usize) -> u8 { //~ ERROR: expected one of `extern` or `fn`, found reserved keyword `gen`
    for i in 0..len {
        yield unsafe { *pointer.add(i) };
    }
}

fn main() {
    let data = [7u8, 8, 9];
    let items: Vec<u8> = unsafe { read_all(data.as_ptr(), data.len()) }.collect();
    println!("{items:?}");
}
