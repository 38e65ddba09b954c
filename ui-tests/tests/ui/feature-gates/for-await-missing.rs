// `for await` without `#![feature(async_for_loop)]`.
#![feature(gen_blocks, async_iterator)]

async fn run() {
    for await _x in async gen { //~ ERROR: `for await` loops are experimental
        yield 1;
    } {}
}

fn main() {
    let _ = run();
}
