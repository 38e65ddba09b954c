// Returning a gen block that borrows a parameter without `move` is E0373.
#![feature(gen_blocks)]

fn numbers(n: u32) -> impl Iterator<Item = u32> {
    gen { //~ ERROR: may outlive the current function
        for i in 0..n {
            yield i;
        }
    }
}

fn main() {
    println!("{}", numbers(2).count());
}
