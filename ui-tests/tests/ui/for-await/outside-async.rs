// `for await` outside `async`: E0728 at the iterable.
#![feature(gen_blocks, async_iterator, async_for_loop)]

async gen fn upto(n: u32) -> u32 {
    for i in 0..n {
        yield i;
    }
}

fn print_all() {
    for await x in upto(3) { //~ ERROR: `await` is only allowed inside `async` functions and blocks
        println!("{x}");
    }
}

fn main() {
    print_all();
}
