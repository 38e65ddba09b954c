// `yield` in an `async` block nested in a gen is E0727.
#![feature(gen_blocks)]

fn main() {
    let g = gen {
        let _f = async {
            yield 1;
            //~^ ERROR: `async` coroutines are not yet supported
        };
        yield 2;
    };
    println!("{}", g.count());
}
