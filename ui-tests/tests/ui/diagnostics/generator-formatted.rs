// A generator given to a formatting macro that needs `Display`: nightly's E0277 labels the
// generator itself, "`{gen block@..}` cannot be formatted with the default formatter" (the
// runtime macro's expansion is an argument of `format_args!`, whose expansion chain does not
// lead back to the generator).
#![feature(gen_blocks, async_iterator)]

fn main() {
    let s = format!("{}", gen { yield 1u32; }); //~ ERROR: doesn't implement `std::fmt::Display`
    println!("{s} {}", async gen { yield 2u32; }); //~ ERROR: doesn't implement `std::fmt::Display`
}
