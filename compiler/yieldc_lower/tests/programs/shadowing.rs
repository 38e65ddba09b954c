#![feature(gen_blocks)]

// Shadowed bindings get fresh names in the check copy; these bodies stay inline and valid.

struct Pair {
    left: i32,
    right: i32,
}

gen fn parse(line: &str) -> i32 {
    let line = line.trim();
    for part in line.split(',') {
        let part = part.trim();
        let part: i32 = part.parse().unwrap_or(-1);
        yield part;
    }
}

fn main() {
    println!("{:?}", parse(" 1, 2 ,x ").collect::<Vec<_>>());
    let offset = 100;
    let g = gen move {
        let x = 1;
        println!("x={x}");
        yield x + offset;
        let x = x + 1;
        println!("x={x} {x:?} {{x}}");
        yield x;
        let offset = offset * 2;
        yield offset;
        let pair = Pair { left: x, right: offset };
        let Pair { left, right } = pair;
        let x = Pair { left: right, right: left };
        let Pair { left, right } = x;
        yield left - right;
    };
    println!("{:?}", g.collect::<Vec<_>>());
}
