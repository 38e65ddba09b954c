//@run
// A macro defining `gen fn`s.
#![feature(gen_blocks)]

macro_rules! counter {
    ($name:ident, $n:expr) => {
        gen fn $name() -> u32 {
            for i in 0..$n {
                yield i;
            }
        }
    };
}

counter!(two, 2);
counter!(three, 3);

fn main() {
    println!("{:?} {:?}", two().collect::<Vec<_>>(), three().collect::<Vec<_>>());
}
