//@ nightly-error: E0626
#![feature(gen_blocks)]

fn main() {
    let g = gen {
        let v = vec![1, 2, 3];
        let mut v = v.iter();
        yield 0;
        println!("{:?}", v.next());
    };
    let items = vec![4, 5];
    let h = gen move {
        let items = &items;
        for i in items {
            yield *i;
        }
    };
    println!("{} {}", g.count(), h.count());
}
