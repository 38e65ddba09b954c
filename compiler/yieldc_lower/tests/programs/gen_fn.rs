#![feature(gen_blocks)]

gen fn count(n: u32) -> u32 {
    let mut i = 0;
    while i < n {
        yield i;
        i += 1;
    }
}

gen fn chars_of(text: &str) -> char {
    for c in text.chars() {
        yield c;
    }
}

gen fn unit_items(times: usize) {
    for _ in 0..times {
        yield;
    }
}

gen fn with_mut(mut start: i64, step: i64) -> i64 {
    for _ in 0..3 {
        yield start;
        start += step;
    }
}

struct Stack {
    items: Vec<i32>,
}

impl Stack {
    gen fn iter_rev(&self) -> i32 {
        let mut i = self.items.len();
        while i > 0 {
            i -= 1;
            yield self.items[i];
        }
    }
}

trait Numbers {
    fn base(&self) -> u8;
    gen fn three(&self) -> u8 {
        let base = self.base();
        yield base;
        yield base + 1;
        yield base + 2;
    }
    gen fn squares(&self) -> u32;
}

struct Ten;

impl Numbers for Ten {
    fn base(&self) -> u8 {
        10
    }
    gen fn squares(&self) -> u32 {
        for i in 1..4u32 {
            yield i * i;
        }
    }
}

fn noisy(label: &str) -> u32 {
    println!("argument {label} evaluated");
    2
}

gen fn lazy(n: u32) -> u32 {
    println!("body started");
    yield n;
}

fn main() {
    println!("{:?}", count(4).collect::<Vec<_>>());
    let text = String::from("héllo");
    println!("{:?}", chars_of(&text).collect::<String>());
    println!("{}", unit_items(3).count());
    println!("{:?}", with_mut(5, -2).collect::<Vec<_>>());
    let stack = Stack { items: vec![1, 2, 3] };
    println!("{:?}", stack.iter_rev().collect::<Vec<_>>());
    println!("{:?} {:?}", Ten.three().collect::<Vec<_>>(), Ten.squares().collect::<Vec<_>>());
    let mut g = lazy(noisy("n"));
    println!("created");
    println!("{:?}", g.next());
    println!("{:?}", g.next());
}
