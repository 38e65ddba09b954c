#![feature(gen_blocks)]

// Bodies the check copy cannot prove (shadowing, `self` by value) use the boxed
// representation; they must behave the same.

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
