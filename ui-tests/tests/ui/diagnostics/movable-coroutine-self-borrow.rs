// A non-`static` coroutine rejects a borrow of its local across `yield`.
#![feature(coroutines, stmt_expr_attributes)]

fn main() {
    let _c = #[coroutine]
    || {
        let v = vec![1];
        let first = &v[0]; //~ ERROR: borrow may still be in use when coroutine yields
        yield;
        println!("{first}");
    };
}
