//@run
// An endless prime generator.
#![feature(gen_blocks)]

gen fn primes() -> u64 {
    let mut found: Vec<u64> = Vec::new();
    let mut n = 2;
    loop {
        if found.iter().all(|p| n % p != 0) {
            found.push(n);
            yield n;
        }
        n += 1;
    }
}

fn main() {
    println!("{:?}", primes().take(10).collect::<Vec<_>>());
}
