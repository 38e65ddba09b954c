// `yield` without any of its gates: E0658 "yield syntax is experimental" at each `yield`.
// FIXME(yieldc): nightly reports it twice for each `yield` (once from the parser's gated
// spans, once from its post-expansion visitor; for a postfix `.yield` first at the keyword,
// then at the whole expression), after its other pre-expansion gate errors; yieldc reports it
// once. Same codes and lines.
fn main() {
    let g = gen { //~ ERROR: gen blocks are experimental
        yield 1; //~ ERROR: yield syntax is experimental
        yield 2; //~ ERROR: yield syntax is experimental
    };
    for _ in g {}
}
