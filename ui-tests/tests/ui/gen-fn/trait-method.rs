//@run
// A trait method implemented by returning a gen block.
#![feature(gen_blocks)]

trait Shape {
    fn corners(&self) -> impl Iterator<Item = (i32, i32)>;
}

struct Square(i32);

impl Shape for Square {
    fn corners(&self) -> impl Iterator<Item = (i32, i32)> {
        let side = self.0;
        gen move {
            yield (0, 0);
            yield (side, 0);
            yield (side, side);
            yield (0, side);
        }
    }
}

fn main() {
    println!("{:?}", Square(2).corners().collect::<Vec<_>>());
}
