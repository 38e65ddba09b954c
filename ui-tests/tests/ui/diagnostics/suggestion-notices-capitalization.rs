// A suggestion that fixes a name's capitalization is drawn on its own lines, with rustc's
// remark about it, not as a label.
#![feature(gen_blocks)]

fn main() {
    let firstItem = 7u8; let g = gen { yield firstitem };
    //~^ ERROR: cannot find value `firstitem` in this scope
    for _ in g {}
}
