// `?` in a `gen fn` (and an `async gen fn`) body is rejected (E0277), nightly's label on the
// whole body: "this function should return `Result` or `Option` to accept `?`".
#![feature(gen_blocks, async_iterator)]

gen fn parse_all(v: Vec<&str>) -> i32 {
    for s in v {
        let n: i32 = s.parse()?; //~ ERROR: the `?` operator can only be used in a gen function
        yield n;
    }
}

async gen fn parse_async(v: Vec<&str>) -> i32 {
    for s in v {
        let n: i32 = s.parse()?; //~ ERROR: the `?` operator can only be used in an async gen function
        yield n;
    }
}

fn main() {
    let _ = (parse_all(vec!["1"]), parse_async(vec![]));
}
