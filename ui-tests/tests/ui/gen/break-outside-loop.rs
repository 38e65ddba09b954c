// `break` in a generator's body outside any loop: E0267 naming the generator as nightly does.
// For a `gen fn`, the "enclosing `gen` function" label is on the function's header, as on
// nightly.
#![feature(gen_blocks)]

gen fn numbers() -> u8 {
    yield 1;
    break;
    //~^ ERROR: `break` inside `gen` function
}

fn main() {
    let _ = gen {
        yield 2u8;
        break;
        //~^ ERROR: `break` inside `gen` block
    };
    let _ = async gen {
        continue;
        //~^ ERROR: `continue` inside `async gen` block
    };
    let _ = numbers();
}
