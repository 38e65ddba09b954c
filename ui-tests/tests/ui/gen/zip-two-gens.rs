//@run
// Two gen blocks advanced in lockstep.
#![feature(gen_blocks)]

fn main() {
    let letters = gen {
        yield 'a';
        yield 'b';
        yield 'c';
    };
    let numbers = gen {
        let mut n = 1;
        loop {
            yield n;
            n += 1;
        }
    };
    println!("{:?}", letters.zip(numbers).collect::<Vec<_>>());
}
