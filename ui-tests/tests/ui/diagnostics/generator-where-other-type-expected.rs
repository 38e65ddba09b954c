// A generator where another type is expected (a `let` with a type, a return value, a function's
// or method's argument, a field): nightly's E0308 names the generator ("found `gen` block",
// "found coroutine") at the whole generator, with the label on what expected the type.
#![feature(gen_blocks, async_iterator, coroutines, stmt_expr_attributes)]

fn take(v: Vec<u32>) -> usize {
    v.len()
}

struct S;
impl S {
    fn take(&self, v: Vec<u32>) -> usize {
        v.len()
    }
}

struct W {
    v: Vec<u32>,
}

fn returned() -> Vec<u32> {
    gen { yield 1u32; } //~ ERROR: mismatched types
}

fn coroutine_returned() -> u32 {
    #[coroutine] static || { yield 1u32; } //~ ERROR: mismatched types
}

fn main() {
    let v: Vec<u32> = gen { yield 1u32; }; //~ ERROR: mismatched types
    let a: Vec<u32> = async gen { yield 1u32; }; //~ ERROR: mismatched types
    let c: u32 = #[coroutine] || { yield 1u32; }; //~ ERROR: mismatched types
    take(gen { yield 2u32; }); //~ ERROR: mismatched types
    S.take(async gen { yield 3u32; }); //~ ERROR: mismatched types
    let w = W { v: gen { yield 4u32; } }; //~ ERROR: mismatched types
    let _ = (v, a, c, w.v, returned(), coroutine_returned());
}
