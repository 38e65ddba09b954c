//@ nightly-error: E0626
#![feature(gen_blocks)]

gen fn over(values: Vec<u32>) -> u32 {
    for v in values.iter() {
        yield *v;
    }
}

fn main() {
    let text = String::from("xyz");
    let g = gen move {
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            yield c;
        }
    };
    println!("{} {}", g.count(), over(vec![1]).count());
}
