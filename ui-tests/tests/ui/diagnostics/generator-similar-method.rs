// A misspelt method on a generator: rustc suggests the method of a similar name and leaves
// out its "method not found in `..`" label, so yieldc names the generator from the receiver's
// binding, as nightly's message does.
#![feature(gen_blocks, coroutines, coroutine_trait, stmt_expr_attributes)]

fn main() {
    let mut g = gen move { yield 2u32; };
    let _ = g.cout(); //~ ERROR: no method named `cout`
    let c = #[coroutine] || { yield 1u32; };
    let _ = c.resme(()); //~ ERROR: no method named `resme`
    let h = gen { yield 1u32; }; let _ = h.nxt(); //~ ERROR: no method named `nxt`
}
