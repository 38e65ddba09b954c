//@run
// A gen block behind `Box<dyn Iterator>`.
#![feature(gen_blocks)]

fn main() {
    let mut sources: Vec<Box<dyn Iterator<Item = i32>>> = Vec::new();
    sources.push(Box::new(gen {
        yield 1;
    }));
    sources.push(Box::new(gen {
        yield 2;
        yield 3;
    }));
    let all: Vec<i32> = sources.into_iter().flatten().collect();
    println!("{all:?}");
}
