// Postfix `.yield` without the gate.
fn main() {
    let _g = gen { //~ ERROR: gen blocks are experimental
        1.yield; //~ ERROR: yield syntax is experimental
    };
}
