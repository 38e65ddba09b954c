// `for await` over a value that is no async iterator: nightly's three E0277 at the iterable
// (`IntoAsyncIterator`, then `AsyncIterator` through `Pin<&mut _>` and through
// `IntoAsyncIterator`), naming the unstable traits as nightly does.
#![feature(gen_blocks, async_iterator, async_for_loop)]

async fn count() -> u32 {
    let mut n = 0;
    for await _ in 5u32 {
        //~^ ERROR: the trait bound `u32: IntoAsyncIterator` is not satisfied
        //~| ERROR: the trait bound `u32: AsyncIterator` is not satisfied
        //~| ERROR: the trait bound `u32: AsyncIterator` is not satisfied
        n += 1;
    }
    n
}

fn main() {
    let _ = count();
}
