// An `async gen fn` that yields references to its own locals: nightly's E0515 at each `yield`
// ("local variable" for a binding or a parameter, "local data" for a place), as for `gen`.
#![feature(gen_blocks, async_iterator)]

async gen fn parameter<'a>(v: String, w: &'a str) -> &'a str {
    yield w;
    yield v.as_str(); //~ ERROR: cannot yield value referencing local variable `v`
}

async gen fn local<'a>(w: &'a str) -> &'a String {
    let s = String::from("local");
    yield &s; //~ ERROR: cannot yield value referencing local variable `s`
    let _ = w;
}

async gen fn place<'a>(w: &'a str) -> &'a str {
    let t = (String::from("x"), 1);
    yield w;
    yield &t.0[..]; //~ ERROR: cannot yield value referencing local data `t.0`
}

fn main() {
    let _ = parameter(String::new(), "");
    let _ = local("");
    let _ = place("");
}
