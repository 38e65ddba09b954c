// A file that starts with a byte-order mark: diagnostics at nightly's places.
#![feature(gen_blocks)]

fn main() {
    let _g = gen {
        let s = String::new();
        let r = &s;
        yield 1u8;
        //~^^ ERROR: borrow may still be in use when `gen` block yields
        println!("{r}");
    };
}
