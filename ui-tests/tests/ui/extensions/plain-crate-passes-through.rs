//@run
// yieldc only: a crate without coroutine syntax is compiled by the stable compiler untouched.
fn main() {
    let v: Vec<u8> = (1..4).collect();
    println!("{v:?}");
}
