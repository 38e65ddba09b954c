//@run
// In-order walk of a binary tree with a recursive `gen fn`.
#![feature(gen_blocks)]

enum Tree {
    Leaf,
    Node(Box<Tree>, i32, Box<Tree>),
}

impl Tree {
    gen fn in_order(&self) -> i32 {
        if let Tree::Node(left, value, right) = self {
            let left: Box<dyn Iterator<Item = i32> + '_> = Box::new(left.in_order());
            for v in left {
                yield v;
            }
            yield *value;
            let right: Box<dyn Iterator<Item = i32> + '_> = Box::new(right.in_order());
            for v in right {
                yield v;
            }
        }
    }
}

fn node(l: Tree, v: i32, r: Tree) -> Tree {
    Tree::Node(Box::new(l), v, Box::new(r))
}

fn main() {
    let tree = node(node(Tree::Leaf, 1, Tree::Leaf), 2, node(node(Tree::Leaf, 3, Tree::Leaf), 4, Tree::Leaf));
    println!("{:?}", tree.in_order().collect::<Vec<_>>());
}
