// A variable moved into two `gen move` blocks: E0382, with nightly's "use occurs due to use in
// coroutine" at its first mention in the second body.
#![feature(gen_blocks)]

fn main() {
    let names = vec![String::from("a"), String::from("b")];
    let g1 = gen move {
        for n in names {
            yield n;
        }
    };
    let g2 = gen move { //~ ERROR: use of moved value: `names`
        yield 0;
        for n in names {
            yield n.len();
        }
    };
    println!("{} {}", g1.count(), g2.count());
}
