// `.await` and `for await` in an `iter!` closure (and in a `gen` block inside one): nightly's
// E0728, the closure's head (or the block) labelled "this is not `async`". An `async` block
// inside may await.
#![feature(iter_macro, yield_expr, gen_blocks, async_iterator, async_for_loop)]

async fn f() -> u32 {
    1
}

async gen fn inner() -> u32 {
    yield 1;
}

fn main() {
    let i = std::iter::iter!(|| {
        yield f().await; //~ ERROR: `await` is only allowed inside `async` functions and blocks
    });
    let j = std::iter::iter!(move |n: u32| -> () {
        for await x in inner() { //~ ERROR: `await` is only allowed inside `async` functions and blocks
            yield x + n;
        }
        let g = gen {
            yield f().await; //~ ERROR: `await` is only allowed inside `async` functions and blocks
        };
        let a = async { f().await };
        for x in g {
            yield x;
        }
        drop(a);
    });
    let _ = (i, j);
}
