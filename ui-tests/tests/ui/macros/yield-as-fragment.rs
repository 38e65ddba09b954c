//@run
// `yield` passed to a macro as a fragment (`expr`, `tt`), inside a gen block.
#![feature(gen_blocks)]

macro_rules! twice {
    ($e:expr) => {
        $e;
        $e
    };
}

macro_rules! verbatim {
    ($($t:tt)*) => {
        $($t)*
    };
}

macro_rules! wrap {
    ($e:expr) => {
        Some($e)
    };
}

fn main() {
    let g = gen {
        twice!(yield 1);
        verbatim!(yield 2; yield 3;);
        let _ = wrap!(yield 4);
    };
    println!("{:?}", g.collect::<Vec<_>>());
}
