//@run
// A `gen fn` method borrowing `self`.
#![feature(gen_blocks)]

struct Bag {
    items: Vec<u32>,
}

impl Bag {
    gen fn doubled(&self) -> u32 {
        for item in &self.items {
            yield item * 2;
        }
    }
}

fn main() {
    let bag = Bag { items: vec![1, 5] };
    println!("{:?}", bag.doubled().collect::<Vec<_>>());
}
