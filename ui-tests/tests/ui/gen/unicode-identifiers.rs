//@run
// Non-ASCII identifiers in a `gen fn` and a gen block.
#![feature(gen_blocks)]

gen fn числа(предел: u32) -> u32 { for ι in 0..предел { yield ι; } }
fn main() {
    let 生成 = gen { let 値 = "日本"; for c in 値.chars() { yield c; } };
    println!("{:?} {:?}", числа(3).collect::<Vec<_>>(), 生成.collect::<String>());
}
