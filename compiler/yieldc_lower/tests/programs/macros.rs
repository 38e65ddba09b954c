#![feature(gen_blocks)]

fn main() {
    // Coroutine syntax inside macro arguments.
    println!("{:?}", gen { yield 1; yield 2; }.collect::<Vec<i32>>());
    let v = vec![gen { yield 'a'; }.count(), 7];
    println!("{v:?}");
    assert_eq!(gen { yield 3u8; }.sum::<u8>(), 3, "sum of {}", "gen");

    // Macros inside generator bodies, with yields in their arguments.
    let g = gen {
        let base = 10;
        println!("inside: {}", base);
        let items = vec![base, base + 1];
        for item in items {
            yield item;
        }
        assert!(base == 10, "base is {base}");
        let mut out = String::new();
        use std::fmt::Write;
        write!(out, "{}-{}", base, base * 2).unwrap();
        yield out.len() as i32;
        dbg!(base);
    };
    println!("{:?}", g.collect::<Vec<_>>());
}
