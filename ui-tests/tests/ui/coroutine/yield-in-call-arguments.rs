// A `yield` among the arguments of a call to a function item, after a borrow of a body local
// that the call holds across it: E0626, as on nightly (the callee is no captured variable, so
// the body gets its check copy).
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]

fn take(_flag: &bool, _resumed: ()) {}

fn main() {
    let _c = #[coroutine]
    || {
        let flag = true;
        take(&flag, yield);
        //~^ ERROR: borrow may still be in use when coroutine yields
    };
}
