//@ fixme-accepted: E0626
// FIXME(check copy for boxed bodies): a body the check copy cannot prove (here: a local
// named in upper case, which might be a unit struct pattern) is boxed, and the boxed
// representation accepts the self-borrow that nightly rejects. Sound, but not conformant:
// best-effort check copies for boxed bodies would report it.
#![feature(gen_blocks)]
#![allow(non_snake_case)]

fn main() {
    let h = gen {
        let Local = [4, 5];
        for y in &Local {
            yield *y;
        }
    };
    println!("{}", h.count());
}
