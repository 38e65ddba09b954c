// A gen block whose items are gen blocks.
// FIXME(yieldc): nightly runs this (see the nightly-diff allow file); yieldc's lowering builds
// the inner `gen move` as `Gen` in the check copy and `BoxedGen` in the body (E0308 in yieldc_rt).
//@error-in-other-file: mismatched types
#![feature(gen_blocks)]

fn main() {
    let rows = gen {
        for row in 0..3u32 {
            yield gen move {
                for col in 0..row {
                    yield (row, col);
                }
            };
        }
    };
    for row in rows {
        println!("{:?}", row.collect::<Vec<_>>());
    }
}
