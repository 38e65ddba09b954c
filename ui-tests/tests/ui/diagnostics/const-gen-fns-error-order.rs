// Two `const gen fn`s: nightly reports "functions cannot be both `const` and `gen`" for both
// (its AST validation) before either "`gen` fn bodies are not allowed in constant functions"
// (its AST lowering), and underlines `const` and `gen` both as primary spans.
#![feature(gen_blocks)]

const gen fn first() -> u8 {} //~ ERROR: functions cannot be both `const` and `gen`
//~^ ERROR: `gen` fn bodies are not allowed in constant functions

const async gen fn second() -> u8 {} //~ ERROR: functions cannot be both `const` and `async gen`
//~^ ERROR: `async gen` fn bodies are not allowed in constant functions

fn main() {}
