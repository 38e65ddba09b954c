//@run
// A `gen fn` method taking `self` by value.
#![feature(gen_blocks)]

struct Names(Vec<String>);

impl Names {
    gen fn into_upper(self) -> String {
        for name in self.0 {
            yield name.to_uppercase();
        }
    }
}

fn main() {
    let names = Names(vec!["ada".into(), "bob".into()]);
    println!("{:?}", names.into_upper().collect::<Vec<_>>());
}
