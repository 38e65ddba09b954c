//@run
// A pipeline of `gen fn` adapters.
#![feature(gen_blocks)]

gen fn numbers(n: u32) -> u32 {
    for i in 1..=n {
        yield i;
    }
}

gen fn only_odd(input: impl Iterator<Item = u32>) -> u32 {
    for x in input {
        if x % 2 == 1 {
            yield x;
        }
    }
}

gen fn running_sum(input: impl Iterator<Item = u32>) -> u32 {
    let mut sum = 0;
    for x in input {
        sum += x;
        yield sum;
    }
}

gen fn pairs(input: impl Iterator<Item = u32>) -> (u32, u32) {
    let mut previous = None;
    for x in input {
        if let Some(p) = previous.replace(x) {
            yield (p, x);
        }
    }
}

fn main() {
    println!("{:?}", pairs(running_sum(only_odd(numbers(9)))).collect::<Vec<_>>());
}
