//@run
// `yield` in match arms.
#![feature(gen_blocks)]

fn main() {
    let words: Vec<&str> = gen {
        for n in 0..5 {
            match n % 3 {
                0 => yield "fizz",
                1 => {
                    yield "one";
                    yield "more";
                }
                _ => {}
            }
        }
    }
    .collect();
    println!("{words:?}");
}
