//@run
// `gen fn` parameters the body never uses: nightly's "unused variable" warnings, at the
// parameters (the check copy leaves such a parameter alone, so rustc still sees it unused).
#![feature(gen_blocks)]

struct S(u32);

impl S {
    gen fn items(&self, unused: u8, used: u32) -> u32 {
        yield self.0 + used;
    }
}

gen fn numbers(mut count: u32, step: u32, _ignored: String, label: String) -> String {
    yield format!("{label}");
}

fn main() {
    println!("{:?}", S(1).items(0, 2).collect::<Vec<_>>());
    println!("{:?}", numbers(1, 2, String::new(), "l".into()).collect::<Vec<_>>());
}
