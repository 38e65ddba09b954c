#![feature(gen_blocks)]

// Valid bodies whose check copy must compile: destructuring, let-else, while let, guards,
// closures, uninitialized locals, items, moved locals, variants in patterns.

use std::cmp::Ordering::{self, *};
use std::collections::BTreeMap;

#[derive(Debug)]
struct Point {
    x: i32,
    y: i32,
}

gen fn walk(text: &str, pairs: Vec<(u8, char)>, map: &BTreeMap<u8, String>) -> String {
    for (i, c) in text.chars().enumerate() {
        yield format!("{i}:{c}");
    }
    let (first, second) = (pairs.len(), text.len());
    yield format!("{first} {second}");
    for (n, c) in pairs {
        yield format!("{n}{c}");
    }
    for (k, v) in map {
        yield format!("{k}={v}");
    }
}

fn main() {
    let pairs = vec![(1, 'a'), (2, 'b')];
    let map = BTreeMap::from([(7, String::from("seven"))]);
    println!("{:?}", walk("hé", pairs, &map).collect::<Vec<_>>());

    let g = gen move {
        let base = 10;
        let add = |v: i32| v + base;
        yield add(1);
        let decided;
        if base > 5 {
            decided = 1;
        } else {
            decided = 2;
        }
        yield decided;
        let Some(value) = Some(3) else { return };
        yield value;
        let mut stack = vec![4, 5];
        while let Some(top) = stack.pop() {
            yield top;
        }
        match Some(6) {
            Some(n) if n > 5 => yield n,
            Some(_) | None => {}
        }
        let point = Point { x: 7, y: 8 };
        let Point { x, y } = point;
        yield x + y;
        fn helper(v: i32) -> i32 {
            v * 2
        }
        yield helper(9);
        let owned = String::from("moved");
        let length = owned.len() as i32;
        drop(owned);
        yield length;
    };
    println!("{:?}", g.collect::<Vec<_>>());

    let ordering = gen {
        for pair in [(1, 2), (2, 1), (3, 3)] {
            let o: Ordering = pair.0.cmp(&pair.1);
            match o {
                Less => yield "less",
                Greater => yield "greater",
                Equal => yield "equal",
            }
        }
    };
    println!("{:?}", ordering.collect::<Vec<_>>());
}
