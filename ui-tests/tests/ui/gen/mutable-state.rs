//@run
// Locals mutated between yields keep their values.
#![feature(gen_blocks)]

fn main() {
    let running: Vec<u32> = gen {
        let mut sum = 0;
        let mut seen = Vec::new();
        for n in [3, 1, 4, 1, 5] {
            sum += n;
            seen.push(n);
            yield sum;
        }
        println!("seen {seen:?}");
    }
    .collect();
    println!("{running:?}");
}
