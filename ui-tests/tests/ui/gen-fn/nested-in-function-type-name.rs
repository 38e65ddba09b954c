// A `gen fn` declared inside a function's body: nightly names its body's type through the
// function (`{gen fn body of main::f()}`, `S::method::f()`, `<S as T>::m::f()`), a function in
// a module by its name alone.
#![feature(gen_blocks)]

struct S;
trait T {
    fn m(&self);
}

impl S {
    fn inherent(&self) {
        gen fn in_method() -> u8 { yield "a"; }
        //~^ ERROR: expected `{gen fn body of S::inherent::in_method()}` to be an iterator that yields `u8`, but it yields `&str`
    }
}

impl T for S {
    fn m(&self) {
        gen fn in_trait_method() -> u8 { yield "b"; }
        //~^ ERROR: expected `{gen fn body of <S as T>::m::in_trait_method()}` to be an iterator that yields `u8`, but it yields `&str`
    }
}

mod inner {
    pub fn outer() {
        gen fn in_mod_fn() -> u8 { yield "c"; }
        //~^ ERROR: expected `{gen fn body of outer::in_mod_fn()}` to be an iterator that yields `u8`, but it yields `&str`
    }
}

pub(crate) fn generic<X>(_: X) where X: Copy {
    gen fn in_generic() -> u8 { yield "d"; }
    //~^ ERROR: expected `{gen fn body of generic::in_generic()}` to be an iterator that yields `u8`, but it yields `&str`
}

fn main() {
    gen fn in_main() -> u8 { yield "e"; }
    //~^ ERROR: expected `{gen fn body of main::in_main()}` to be an iterator that yields `u8`, but it yields `&str`
    {
        gen fn in_block() -> u8 { yield "g"; }
        //~^ ERROR: expected `{gen fn body of main::in_block()}` to be an iterator that yields `u8`, but it yields `&str`
    }
}
