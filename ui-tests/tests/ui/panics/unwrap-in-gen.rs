//@run: 101
// `unwrap` on `None` inside a gen body: location of the call.
// The run output is nightly's (checked by the nightly diff).
#![feature(gen_blocks)]

fn main() {
    let words = ["1", "x"];
    let numbers = gen {
        for w in words {
            yield w.parse::<u32>().ok().unwrap();
        }
    };
    for n in numbers {
        println!("{n}");
    }
}
