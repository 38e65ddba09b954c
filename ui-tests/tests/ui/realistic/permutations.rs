//@run
// All permutations through a recursive `gen fn`.
#![feature(gen_blocks)]

gen fn permutations(items: Vec<char>) -> Vec<char> {
    if items.len() <= 1 {
        yield items;
        return;
    }
    for i in 0..items.len() {
        let mut rest = items.clone();
        let head = rest.remove(i);
        let tails: Box<dyn Iterator<Item = Vec<char>>> = Box::new(permutations(rest));
        for mut tail in tails {
            tail.insert(0, head);
            yield tail;
        }
    }
}

fn main() {
    for p in permutations(vec!['a', 'b', 'c']) {
        println!("{}", p.into_iter().collect::<String>());
    }
}
