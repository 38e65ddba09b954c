//@run
// A closure (without `yield`) defined and called inside a gen body.
#![feature(gen_blocks)]

fn main() {
    let g = gen {
        let double = |x: i32| x * 2;
        for i in 0..3 {
            yield double(i);
        }
    };
    println!("{:?}", g.collect::<Vec<_>>());
}
