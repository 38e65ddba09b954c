// `break` in a generator's body outside any loop: E0267 naming the generator as nightly does.
// FIXME(yieldc): for a `gen fn`, nightly also labels the function's header "enclosing `gen`
// function"; yieldc shows no enclosing label there.
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
