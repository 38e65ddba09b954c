// `.await` on what a sync `gen fn` returns, in an `async fn`: E0277 with nightly's suggestion
// to make the `gen fn` an `async gen fn` (`async` goes before `gen`).
#![feature(gen_blocks, async_iterator)]
gen fn sync_nums() -> u32 { yield 1; }
async fn f() {
    let v = sync_nums().await; //~ ERROR: is not a future
}
fn main() { let _ = f(); }
