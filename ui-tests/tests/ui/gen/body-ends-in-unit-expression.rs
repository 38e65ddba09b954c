//@run
// A gen body may end in any `()` expression: a call, a method call, a path.
#![feature(gen_blocks)]

fn note(items: &mut Vec<u8>, item: u8) {
    items.push(item)
}

fn main() {
    let unit = ();
    let a = gen {
        yield 1;
        note(&mut Vec::new(), 2)
    };
    let b = gen {
        let mut items = Vec::new();
        yield 3;
        items.push(4)
    };
    let c = gen {
        let text = String::from("x");
        yield 5;
        drop(text)
    };
    let d = gen move {
        yield 6;
        unit
    };
    println!("{:?}", a.chain(b).chain(c).chain(d).collect::<Vec<_>>());
}
