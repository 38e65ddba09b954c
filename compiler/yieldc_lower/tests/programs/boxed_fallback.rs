#![feature(gen_blocks)]

// Bodies the check copy cannot prove (`self` by value, a non-`move` body that moves an outer
// variable) use the boxed representation; shadowing is renamed in the copy and stays inline.
// All must behave the same.

struct Owner {
    values: Vec<u8>,
}

impl Owner {
    gen fn into_values(self) -> u8 {
        for v in self.values {
            yield v;
        }
    }
}

fn main() {
    let g = gen {
        let x = 1;
        yield x;
        let x = x + 1;
        yield x;
        let x = x * 10;
        yield x;
    };
    println!("{:?}", g.collect::<Vec<_>>());

    let data = vec![5, 6];
    let moved = gen {
        let d = data;
        for v in d {
            yield v;
        }
    };
    println!("{:?}", moved.collect::<Vec<_>>());
    println!("{:?}", Owner { values: vec![1, 2] }.into_values().collect::<Vec<_>>());
}
