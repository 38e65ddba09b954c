//@run
// A generator or coroutine expression used as a statement is nightly's "unused coroutine that
// must be used" (with its note, without a `let _ =` suggestion); a `gen fn` call is an unused
// `Iterator` implementer.
#![feature(gen_blocks, coroutines)]

fn g() -> impl Iterator<Item = u8> {
    gen { yield 1; }
}

gen fn h() -> u8 {
    yield 1;
}

fn main() {
    gen { yield 1; };
    async gen { yield 1; };
    #[coroutine] || { yield 1; };
    g();
    h();
    #[coroutine] static || { yield 1; };
    println!("done");
}
