// `break` with a value out of `for await` is E0571, as out of any `for` loop.
#![feature(gen_blocks, async_iterator, async_for_loop)]

async gen fn upto(n: u32) -> u32 {
    for i in 0..n {
        yield i;
    }
}

async fn first() {
    let found = for await x in upto(3) {
        break x; //~ ERROR: `break` with value from a `for` loop
    };
    let () = found;
}

fn main() {
    let _ = first();
}
