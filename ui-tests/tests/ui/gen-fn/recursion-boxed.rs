//@run
// A recursive `gen fn` through `Box<dyn Iterator>`.
#![feature(gen_blocks)]

gen fn binary(depth: u32) -> String {
    if depth == 0 {
        yield String::new();
        return;
    }
    let shorter: Box<dyn Iterator<Item = String>> = Box::new(binary(depth - 1));
    for s in shorter {
        yield format!("0{s}");
        yield format!("1{s}");
    }
}

fn main() {
    println!("{:?}", binary(2).collect::<Vec<_>>());
}
