// A gen block is not a `Future`.
#![feature(gen_blocks)]

async fn wait() {
    gen {
        yield 1;
    }
    .await; //~ ERROR: is not a future
}

fn main() {
    let _ = wait();
}
