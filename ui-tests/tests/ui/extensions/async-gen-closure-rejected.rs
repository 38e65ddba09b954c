// `async gen` closures: nightly crashes (ICE); yieldc rejects them with a clear error.
#![feature(gen_blocks)]

fn main() {
    let _f = async gen || { //~ ERROR: `async gen` closures are not supported
        yield 1;
    };
}
