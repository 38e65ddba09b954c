//@run
// Nested repetitions: one `gen fn` per name, one `yield` per value.
#![feature(gen_blocks)]

macro_rules! tables {
    ($($name:ident: [$($e:expr),*]);* $(;)?) => {
        $(
            gen fn $name() -> i32 {
                $( yield $e; )*
            }
        )*
    };
}

tables!(a: [1, 2]; b: [3]; c: []);

fn main() {
    println!("{:?} {:?} {:?}", a().collect::<Vec<_>>(), b().collect::<Vec<_>>(), c().collect::<Vec<_>>());
}
