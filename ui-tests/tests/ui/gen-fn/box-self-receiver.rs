//@run
// A `gen fn` method taking `self: Box<Self>`: the box moves into the generator.
#![feature(gen_blocks)]

struct S { items: Vec<String> }
impl S {
    gen fn drain(self: Box<Self>) -> String {
        for s in self.items { yield s; }
    }
}
fn main() {
    let b = Box::new(S { items: vec!["a".into(), "b".into()] });
    println!("{:?}", b.drain().collect::<Vec<_>>());
}
