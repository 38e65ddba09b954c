// A `yield` in a closure passed to an iterator adapter inside a gen: the closure becomes a
// coroutine. Nightly's error at the `yield` with its `#[coroutine]` help, then the closure's
// own errors: E0277 where an `FnMut` is expected, E0282 for a parameter the `yield` needs typed.
#![feature(gen_blocks)]

gen fn doubled(v: Vec<i32>) -> i32 {
    v.into_iter().map(|x| yield x * 2);
    //~^ ERROR: `yield` can only be used in `#[coroutine]` closures, or `gen` blocks
    //~| ERROR: expected a `FnMut(i32)` closure, found `{coroutine@
}

fn main() {
    let g = gen {
        let v = vec![1, 2, 3];
        v.iter().for_each(|x| { //~ ERROR: type annotations needed
            yield *x;
            //~^ ERROR: `yield` can only be used in `#[coroutine]` closures, or `gen` blocks
        });
    };
    println!("{} {}", g.count(), doubled(vec![1]).count());
}
