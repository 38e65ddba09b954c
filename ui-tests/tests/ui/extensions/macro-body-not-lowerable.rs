// A `macro_rules!` transcriber with coroutine syntax that is not Rust syntax on its own (here
// match arms): yieldc cannot lower it and says so at its first keyword. Nightly accepts the
// definition as long as the macro is not invoked.
#![feature(gen_blocks)]

#[allow(unused_macros)]
macro_rules! arms {
    ($x:pat) => {
        $x => gen { yield 1; }, //~ ERROR: yieldc cannot lower the coroutine syntax in this `macro_rules!` body
    };
}

fn main() {}
