// `const async gen fn`: nightly names the coroutine kind `async gen` in both errors.
#![feature(gen_blocks)]

const async gen fn ticks() -> u8 {
    //~^ ERROR: functions cannot be both `const` and `async gen`
    //~| ERROR: `async gen` fn bodies are not allowed in constant functions
    yield 1;
}

fn main() {
    let _ = ticks();
}
