//@run
// A `gen fn` yielding borrows of its argument.
#![feature(gen_blocks)]

gen fn words<'a>(text: &'a str) -> &'a str {
    for word in text.split(' ') {
        if !word.is_empty() {
            yield word;
        }
    }
}

fn main() {
    let text = String::from("a  quick fox");
    println!("{:?}", words(&text).collect::<Vec<_>>());
}
