// E0733 spans a `gen fn`'s whole head: visibility, generics and `where` clause.
#![feature(gen_blocks, async_iterator)]
async gen fn down(n: u32) -> u32 {
    if n > 0 { let _ = down(n - 1); }
    yield n;
}
pub gen fn walk<T: Clone>(v: &[T]) -> T //~ ERROR: recursion in a gen fn requires boxing
where T: Copy {
    for x in walk(v) { yield x; }
}
fn main() {}
