//@run
// Labelled `break` and `continue` across nested loops in a gen body.
#![feature(gen_blocks)]

fn main() {
    let pairs: Vec<(u8, u8)> = gen {
        'outer: for i in 0..4u8 {
            for j in 0..4u8 {
                if j > i {
                    continue 'outer;
                }
                if i == 3 {
                    break 'outer;
                }
                yield (i, j);
            }
        }
    }
    .collect();
    println!("{pairs:?}");
}
