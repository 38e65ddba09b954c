// A future awaited twice in an `async gen`: nightly's E0382, the move at the first `.await`.
#![feature(gen_blocks)]

async fn tick() {}

async gen fn g() -> u32 {
    let x = tick();
    x.await;
    x.await;
    //~^ ERROR: use of moved value: `x`
    yield 1;
}

fn main() {
    let _ = g();
}
