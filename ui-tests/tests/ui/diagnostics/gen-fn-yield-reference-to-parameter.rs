// A `gen fn` yields references into its by-value parameter: nightly's E0626 at the borrow and
// E0515 ("local variable", a parameter is a local of the body) at the `yield`, in span order.
#![feature(gen_blocks)]

gen fn chunks(data: Vec<u8>) -> &'static [u8] {
    let s = &data[..]; //~ ERROR: borrow may still be in use when `gen` fn body yields
    for c in s.chunks(2) {
        yield c; //~ ERROR: cannot yield value referencing local variable `data`
    }
}

gen fn names(list: Vec<String>) -> &'static str {
    for n in list.iter() { //~ ERROR: borrow may still be in use when `gen` fn body yields
        yield n.as_str(); //~ ERROR: cannot yield value referencing local variable `list`
    }
}

fn main() {
    for c in chunks(vec![1, 2, 3]) {
        println!("{c:?}");
    }
    for n in names(vec!["a".into()]) {
        println!("{n}");
    }
}
