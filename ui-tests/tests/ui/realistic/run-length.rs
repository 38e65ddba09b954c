//@run
// Run-length encoding as a `gen fn`.
#![feature(gen_blocks)]

gen fn runs(text: &str) -> (char, usize) {
    let mut chars = text.chars();
    let Some(mut current) = chars.next() else { return };
    let mut count = 1;
    for c in chars {
        if c == current {
            count += 1;
        } else {
            yield (current, count);
            current = c;
            count = 1;
        }
    }
    yield (current, count);
}

fn main() {
    let encoded: String = runs("aaabccdddd").map(|(c, n)| format!("{n}{c}")).collect();
    println!("{encoded}");
}
