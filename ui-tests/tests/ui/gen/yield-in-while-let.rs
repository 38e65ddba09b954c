//@run
// `yield` inside `while let` and `if let`.
#![feature(gen_blocks)]

fn main() {
    let mut stack = vec![1, 2, 3];
    let popped: Vec<i32> = gen {
        while let Some(top) = stack.pop() {
            if let 2 = top {
                yield -2;
            } else {
                yield top;
            }
        }
    }
    .collect();
    println!("{popped:?}");
}
