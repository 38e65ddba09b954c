//@run
// A coroutine closure declared `-> Result<T, E>` may use `?`: the declared type tells `Ok(..)`
// and the `?`s their error type (the movable coroutine's check copy is typed by it too).
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]
use std::num::ParseIntError;
use std::ops::Coroutine;
use std::pin::Pin;

fn main() {
    let mut c = #[coroutine]
    |s: &str| -> Result<i32, ParseIntError> {
        let a: i32 = s.parse()?;
        let t: &str = yield a;
        let b: i32 = t.parse()?;
        Ok(a + b)
    };
    println!("{:?}", Pin::new(&mut c).resume("4"));
    println!("{:?}", Pin::new(&mut c).resume("5"));
    let mut d = #[coroutine]
    |s: &str| -> Result<
        i32, // the error type comes next
        ParseIntError,
    > {
        let a: i32 = s.parse()?;
        yield a;
        Ok(a)
    };
    println!("{:?}", Pin::new(&mut d).resume("x"));
}
