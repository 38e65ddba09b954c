//@run
// A generic function returning a gen block over its type parameter.
#![feature(gen_blocks)]

fn repeat_each<T: Clone>(items: Vec<T>, times: usize) -> impl Iterator<Item = T> {
    gen move {
        for item in items {
            for _ in 0..times {
                yield item.clone();
            }
        }
    }
}

fn main() {
    println!("{:?}", repeat_each(vec!["x", "y"], 2).collect::<Vec<_>>());
}
