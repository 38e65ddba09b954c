//@run
// Round-robin over several iterators.
#![feature(gen_blocks)]

gen fn round_robin(mut sources: Vec<Box<dyn Iterator<Item = u32>>>) -> u32 {
    while !sources.is_empty() {
        let mut i = 0;
        while i < sources.len() {
            match sources[i].next() {
                Some(x) => {
                    yield x;
                    i += 1;
                }
                None => {
                    sources.remove(i);
                }
            }
        }
    }
}

fn main() {
    let sources: Vec<Box<dyn Iterator<Item = u32>>> =
        vec![Box::new(0..3), Box::new(10..12), Box::new(100..101)];
    println!("{:?}", round_robin(sources).collect::<Vec<_>>());
}
