// `return value;` in a `gen fn` with an item type: nightly labels the `-> T` "expected `()`
// because of return type" (the body returns `()`), for `async gen fn` and a `where` clause too.
#![feature(gen_blocks, async_iterator)]

gen fn first_even(v: Vec<i32>) -> i32 {
    for x in v {
        if x % 2 == 0 {
            return x; //~ ERROR: mismatched types
        }
        yield x;
    }
}

async gen fn a(x: u8) -> u8 {
    if x > 1 {
        return x; //~ ERROR: mismatched types
    }
    yield 1;
}

struct S;
impl S {
    gen fn m(&self) -> String
    where
        Self: Sized,
    {
        return String::new(); //~ ERROR: mismatched types
    }
}

fn main() {
    let _ = (first_even(vec![1]), a(1), S.m());
}
