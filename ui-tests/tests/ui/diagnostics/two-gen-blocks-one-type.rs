// Two gen blocks where one type is expected: nightly's single E0308, "expected `gen` block, found
// a different `gen` block".
// The assignment's `let mut g = gen { .. }` is also labelled "expected due to this value" (rustc
// reports the mismatch at the runtime's argument, where it gives no such label; the driver adds
// it).
#![feature(gen_blocks)]

fn main() {
    let mut g = gen { yield 3u32; };
    g = gen { yield 4u32; }; //~ ERROR: mismatched types
    let _ = g;
    let _h = if true { gen { yield 5u32; } } else { gen { yield 6u32; } }; //~ ERROR: `if` and `else` have incompatible types
}
