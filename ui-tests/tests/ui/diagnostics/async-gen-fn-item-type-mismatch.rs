// An `async gen fn` yielding a value of another type than its item type: nightly's E0271 at the
// declared item type, naming the body `{async gen fn body of NAME()}`.
#![feature(gen_blocks, async_iterator)]

async gen fn names() -> String { //~ ERROR: type mismatch resolving `<{async gen fn body of names()} as AsyncIterator>::Item == String`
    yield "literal";
}

mod m {
    pub async gen fn ids() -> u64 { //~ ERROR: type mismatch resolving `<{async gen fn body of m::ids()} as AsyncIterator>::Item == u64`
        yield "one";
    }
}

fn main() {
    let _ = (names(), m::ids());
}
