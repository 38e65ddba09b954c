// `.await` inside a (sync) gen block is E0728.
#![feature(gen_blocks)]

async fn one() -> u8 {
    1
}

fn main() {
    let g = gen {
        yield one().await; //~ ERROR: `await` is only allowed inside `async` functions and blocks
    };
    println!("{}", g.count());
}
