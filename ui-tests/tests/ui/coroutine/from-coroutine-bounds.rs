// `from_coroutine` takes an `Unpin` coroutine returning `()`: E0277 for a `static` one, E0271
// for one returning a value, each with nightly's label on the call's path ("required by a bound
// introduced by this call"). Nightly's note on the bound in `core` is not shown (yieldc's
// `from_coroutine` is the runtime's mirror).
#![feature(coroutines, iter_from_coroutine, stmt_expr_attributes)]

fn main() {
    let pinned = std::iter::from_coroutine(
        #[coroutine]
        static || {
            //~^ ERROR: cannot be unpinned
            yield 1;
        },
    );
    drop(pinned);
    let valued = std::iter::from_coroutine(
        #[coroutine]
        || {
            //~^ ERROR: type mismatch resolving
            yield 1;
            5
        },
    );
    drop(valued);
}
