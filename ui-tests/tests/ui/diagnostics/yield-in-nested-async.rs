// `yield` in an `async` block nested in a gen is E0727.
// FIXME(yieldc): nightly rejects it with E0727@7; yieldc rejects it with E0658@7, E0727@7 (see the nightly-diff allow file).
#![feature(gen_blocks)]

fn main() {
    let g = gen {
        let _f = async {
            yield 1;
            //~^ ERROR: yield syntax is experimental
            //~| ERROR: `async` coroutines are not yet supported
        };
        yield 2;
    };
    println!("{}", g.count());
}
