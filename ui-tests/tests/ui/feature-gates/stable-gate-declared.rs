//@run
// A gate that has become stable (`let_chains`) next to yieldc's: nightly accepts it with a
// `stable_features` warning; the stable compiler refuses any `#![feature]` (E0554), so yieldc
// removes it and gives nightly's warning.
#![feature(gen_blocks, let_chains)]

fn main() {
    let evens = gen {
        for n in 0..6u32 {
            if let Some(half) = n.checked_div(2) && n % 2 == 0 {
                yield half;
            }
        }
    };
    println!("{:?}", evens.collect::<Vec<u32>>());
}
