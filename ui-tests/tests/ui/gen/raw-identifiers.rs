//@run
// `r#gen` and `r#yield` as identifiers inside a gen block.
#![feature(gen_blocks)]

fn r#gen(r#yield: i32) -> i32 { r#yield + 1 }
struct r#yield { r#gen: i32 }
fn main() {
    let g = gen {
        let r#gen = r#gen(1);
        let y = r#yield { r#gen };
        yield y.r#gen;
        yield r#gen;
    };
    println!("{:?}", g.collect::<Vec<_>>());
}
