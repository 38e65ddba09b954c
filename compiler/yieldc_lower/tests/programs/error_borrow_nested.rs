//@ nightly-error: E0626
#![feature(gen_blocks)]

fn main() {
    let g = gen {
        let items = vec![(1, 'a'), (2, 'b')];
        if let Some((n, c)) = items.first() {
            let pair = (n, c);
            yield *pair.0;
            println!("{}", pair.1);
        }
        match items.len() {
            len => {
                let slice = &items[..len];
                yield 0;
                println!("{}", slice.len());
            }
        }
    };
    println!("{}", g.count());
}
