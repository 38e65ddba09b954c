// A gen block in a `const fn` is an error.
// FIXME(yieldc): nightly rejects it with -@5; yieldc rejects it with E0015@0, E0493@5, E0658@5 (see the nightly-diff allow file).
//@error-in-other-file: cannot call non-const associated function
//@error-in-other-file: cannot call non-const function
#![feature(gen_blocks)]

const fn make() {
    let _g = gen {
    //~^ ERROR: `async` blocks are not allowed in constant functions
    //~| ERROR: destructor of `Gen<i32, ..., ...>` cannot be evaluated at compile-time
        yield 1;
    };
}

fn main() {
    make();
}
