// `iter!` takes a closure: a value or the old `iter! { .. }` block form is nightly's
// "`iter!` body must be a closure", with the parse error at what follows the expression.
#![feature(iter_macro, yield_expr)]
use std::iter::iter;
fn main() {
    let a = iter!(5);
    //~^ ERROR: `iter!` body must be a closure
    //~| ERROR: expected one of `.`, `?`, or an operator, found `<eof>`
    let b = iter! {
        yield "a"; //~ ERROR: `iter!` body must be a closure
        //~^ ERROR: expected one of `.`, `?`, or an operator, found `;`
        yield "b";
    };
}
