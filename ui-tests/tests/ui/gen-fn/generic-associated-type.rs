//@run
// A `gen fn` yielding an associated type of its type parameter.
#![feature(gen_blocks)]

gen fn firsts<I: Iterator<Item = Vec<T>>, T: Clone>(rows: I) -> Option<T> {
    for row in rows {
        yield row.first().cloned();
    }
}

fn main() {
    let rows = vec![vec![1, 2], vec![], vec![3]];
    println!("{:?}", firsts(rows.into_iter()).collect::<Vec<_>>());
}
