// A recursive `gen fn` (E0733 at the signature, in nightly's words), and a value moved while
// the iterator a `gen fn` method returned still borrows it (E0505, without edition 2024's
// capture hint, which does not apply to a `gen fn`).
#![feature(gen_blocks)]
struct Tree { v: u32, kids: Vec<Tree> }
impl Tree {
    gen fn walk(&self) -> u32 { //~ ERROR: recursion in a gen fn requires boxing
        yield self.v;
        for k in &self.kids { for x in k.walk() { yield x; } }
    }
}
fn main() {
    let t = Tree { v: 1, kids: vec![Tree { v: 2, kids: vec![] }, Tree { v: 3, kids: vec![Tree { v: 4, kids: vec![] }] }] };
    println!("{:?}", t.walk().collect::<Vec<_>>());
    let w = t.walk();
    drop(t); //~ ERROR: cannot move out of `t` because it is borrowed
    println!("{}", w.count());
}
