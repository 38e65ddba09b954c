//@run
// Dropping a gen block part-way runs none of the rest of its body.
#![feature(gen_blocks)]

fn main() {
    let mut g = gen {
        println!("before 1");
        yield 1;
        println!("before 2");
        yield 2;
        println!("never printed");
    };
    println!("{:?}", g.next());
    println!("{:?}", g.next());
    drop(g);
    println!("dropped");
}
