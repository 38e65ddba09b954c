#![feature(gen_blocks)]

fn main() {
    // `gen move` over a captured vector, postfix and bare yields.
    let v = vec![1, 2, 3];
    let doubled = gen move {
        for x in v {
            yield x * 2;
        }
    };
    println!("{:?}", doubled.collect::<Vec<_>>());

    let mut units = gen {
        ().yield;
        yield;
    };
    println!("{:?} {:?} {:?}", units.next(), units.next(), units.next());

    // Non-move block reading an outer variable by reference.
    let words = ["a", "bb", "ccc"];
    let lengths = gen {
        for w in &words {
            yield w.len();
        }
    };
    println!("{:?} size_hint={:?}", lengths.size_hint(), lengths.collect::<Vec<_>>());

    // Locals, loops, early return, fused after completion.
    let mut g = gen {
        let mut total = 0;
        let mut i = 0;
        loop {
            i += 1;
            if i > 4 {
                return;
            }
            total += i;
            yield (i, total);
        }
    };
    while let Some((i, total)) = g.next() {
        println!("i={i} total={total}");
    }
    println!("after end: {:?} {:?}", g.next(), g.next());

    // Nested generators.
    let outer = gen {
        for n in 1..4 {
            let inner = gen move {
                for k in 0..n {
                    yield k;
                }
            };
            for k in inner {
                yield n * 10 + k;
            }
        }
    };
    println!("{:?}", outer.collect::<Vec<_>>());

    // Moving the generator between `next` calls.
    let mut a = gen {
        let s = String::from("moved");
        yield s.len();
        yield s.len() + 1;
    };
    println!("{:?}", a.next());
    let mut b = Box::new(a);
    println!("{:?}", b.next());
    let mut c = *b;
    println!("{:?}", c.next());
}
