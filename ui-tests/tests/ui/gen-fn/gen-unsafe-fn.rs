//@run
// A `gen unsafe fn` (nightly's qualifier order).
#![feature(gen_blocks)]

gen unsafe fn read_all(pointer: *const u8, len: usize) -> u8 {
    for i in 0..len {
        yield unsafe { *pointer.add(i) };
    }
}

fn main() {
    let data = [7u8, 8, 9];
    let items: Vec<u8> = unsafe { read_all(data.as_ptr(), data.len()) }.collect();
    println!("{items:?}");
}
