// `.await` on a value that is no future, in an `async gen`: nightly's E0277 at the `.await`
// (yieldc polls an `async gen`'s awaited futures through a wrapper that must not show).
#![feature(gen_blocks)]

async gen fn g(n: u32) -> u32 {
    let x = 5u32;
    let a = x.await;
    //~^ ERROR: `u32` is not a future
    let b = (x + 1).await;
    //~^ ERROR: `u32` is not a future
    yield a + b + n;
}

fn main() {
    let _ = g(1);
}
