// A method that does not exist on a generator: nightly's E0599 names the generator ("found for
// `gen` block `{gen block@..}`"), not the runtime's type.
#![feature(gen_blocks, async_iterator, coroutines, stmt_expr_attributes)]

fn main() {
    gen { yield 1; }.foo(); //~ ERROR: no method named `foo` found for `gen` block
    let g = gen { yield 1u8; };
    g.foo(); //~ ERROR: no method named `foo` found for `gen` block
    let a = async gen { yield 1u8; };
    a.bar(); //~ ERROR: no method named `bar` found for `async gen` block
    let c = #[coroutine] || { yield 1u8; };
    c.baz(); //~ ERROR: no method named `baz` found for coroutine
    let s = #[coroutine] static || { yield 1u8; };
    s.qux(); //~ ERROR: no method named `qux` found for coroutine
}
