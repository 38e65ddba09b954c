//@run
// A `where` clause on a `gen fn`.
#![feature(gen_blocks)]

gen fn pairs<I>(items: I) -> (I::Item, I::Item)
where
    I: IntoIterator,
    I::Item: Copy,
{
    let mut previous = None;
    for item in items {
        if let Some(p) = previous {
            yield (p, item);
        }
        previous = Some(item);
    }
}

fn main() {
    println!("{:?}", pairs([1, 2, 3]).collect::<Vec<_>>());
}
