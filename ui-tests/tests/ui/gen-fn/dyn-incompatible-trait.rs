// A trait with a `gen fn` is not dyn compatible (E0038), with nightly's notes in nightly's order.
#![feature(gen_blocks)]
trait Source {
    gen fn items(&self) -> String;
}
struct A;
impl Source for A {
    gen fn items(&self) -> String { yield "a".into(); yield "b".into(); }
}
fn all(sources: &[&dyn Source]) -> Vec<String> { //~ ERROR: the trait `Source` is not dyn compatible
    sources.iter().flat_map(|s| s.items()).collect()
    //~^ ERROR: the trait `Source` is not dyn compatible
    //~| ERROR: the trait `Source` is not dyn compatible
    //~| ERROR: the trait `Source` is not dyn compatible
}
fn main() { println!("{:?}", all(&[&A, &A])); } //~ ERROR: the trait `Source` is not dyn compatible
