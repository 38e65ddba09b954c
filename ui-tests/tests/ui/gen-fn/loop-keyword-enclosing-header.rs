// E0267 in `gen fn` bodies: the "enclosing" label spans the function's header, from its first
// qualifier to the end of its return type or where clause, as on nightly.
#![feature(gen_blocks)]
pub gen fn f<T: Copy>(x: T) -> T
where
    T: Clone,
{
    yield x;
    break;
    //~^ ERROR: `break` inside `gen` function
}
struct S;
impl S {
    pub async gen fn g(&self) { continue; }
    //~^ ERROR: `continue` inside `async gen` function
    gen fn h(&self)
    {
        break;
        //~^ ERROR: `break` inside `gen` function
    }
    pub(crate) gen unsafe fn i(&self) -> u8 { yield 1; break; }
    //~^ ERROR: `break` inside `gen` function
}
fn main() {}
