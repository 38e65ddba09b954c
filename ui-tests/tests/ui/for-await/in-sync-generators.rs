// `for await` in a sync generator or a coroutine: nightly's E0728 at the iterable (their
// bodies are not `async`; yieldc lowers them to `async` blocks, where the loop would compile).
#![feature(gen_blocks, async_iterator, async_for_loop, coroutines, stmt_expr_attributes)]

async gen fn inner() -> u32 {
    yield 1;
}

gen fn outer() -> u32 {
    for await x in inner() { //~ ERROR: `await` is only allowed inside `async` functions and blocks
        yield x;
    }
}

fn main() {
    let g = gen {
        for await x in inner() { //~ ERROR: `await` is only allowed inside `async` functions and blocks
            yield x;
        }
    };
    let c = #[coroutine] || {
        for await x in inner() { //~ ERROR: `await` is only allowed inside `async` functions and blocks
            yield x;
        }
    };
    let a = async gen {
        for await x in inner() {
            yield x;
        }
    };
    let _ = (outer(), g, c, a);
}
