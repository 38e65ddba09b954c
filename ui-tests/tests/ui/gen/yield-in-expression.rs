//@run
// `yield` in expression position: a block's value, a function argument.
#![feature(gen_blocks)]

fn show(unit: ()) -> &'static str {
    let () = unit;
    "shown"
}

fn main() {
    let items: Vec<i32> = gen {
        let label = show(yield 1);
        println!("{label}");
        let value = {
            yield 2;
            3
        };
        yield value;
    }
    .collect();
    println!("{items:?}");
}
