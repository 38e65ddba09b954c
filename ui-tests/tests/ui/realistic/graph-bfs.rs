//@run
// Breadth-first walk of a graph, borrowed by a `gen fn`.
#![feature(gen_blocks)]

use std::collections::{HashSet, VecDeque};

gen fn bfs<'a>(edges: &'a [Vec<usize>], start: usize) -> usize {
    let mut seen = HashSet::new();
    let mut queue = VecDeque::new();
    queue.push_back(start);
    seen.insert(start);
    while let Some(node) = queue.pop_front() {
        yield node;
        for &next in &edges[node] {
            if seen.insert(next) {
                queue.push_back(next);
            }
        }
    }
}

fn main() {
    let edges = vec![vec![1, 2], vec![3], vec![3], vec![0]];
    println!("{:?}", bfs(&edges, 0).collect::<Vec<_>>());
}
