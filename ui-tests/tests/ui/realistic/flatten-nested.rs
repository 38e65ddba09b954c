//@run
// Flattening nested vectors with an explicit stack.
#![feature(gen_blocks)]

enum Nested {
    Item(i32),
    List(Vec<Nested>),
}

gen fn flatten(root: &Nested) -> i32 {
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        match node {
            Nested::Item(v) => yield *v,
            Nested::List(children) => {
                for child in children.iter().rev() {
                    stack.push(child);
                }
            }
        }
    }
}

fn main() {
    use Nested::*;
    let data = List(vec![Item(1), List(vec![Item(2), List(vec![Item(3)])]), Item(4)]);
    println!("{:?}", flatten(&data).collect::<Vec<_>>());
}
