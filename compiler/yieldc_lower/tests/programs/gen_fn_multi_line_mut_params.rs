// `mut` parameters of a `gen fn` whose signature spans lines: the body mutates them, and
// `unused_mut` / `unused_variables` point at the parameters, as on nightly.
#![feature(gen_blocks)]

gen fn f(
    mut n: u32,
    (a, mut b): (u32, u32),
    unused: u8,
    mut never_mutated: u8,
) -> u32 {
    n += a;
    b += 1;
    yield n + b + never_mutated as u32;
    n += 1;
    yield n;
}

fn main() {
    println!("{:?}", f(1, (2, 3), 0, 4).collect::<Vec<_>>());
}
