//@run
// Without `move`, a gen block borrows the variables it mentions.
#![feature(gen_blocks)]

fn main() {
    let numbers = vec![1, 2, 3];
    let doubled: Vec<i32> = gen {
        for n in &numbers {
            yield n * 2;
        }
    }
    .collect();
    println!("{doubled:?} from {numbers:?}");
}
