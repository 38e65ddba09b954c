//@run
// Code under `#[cfg(test)]` is not compiled without `--test`: a gate used only there is
// unused for nightly, except what its parser still counts (the `gen` block's `gen_blocks`, its
// `yield`'s `coroutines`); `yield_expr` and `iter_from_coroutine` get the warning.
#![feature(gen_blocks, coroutines, yield_expr, iter_from_coroutine)]

fn main() {
    println!("built without tests");
}

#[cfg(test)]
mod tests {
    // (No test attribute here: the UI harness would build the file with `--test`.)
    pub fn counts() {
        let g = gen { yield 1u8; };
        assert_eq!(g.count(), 1);
        let c = std::iter::from_coroutine(#[coroutine] || { yield 2u8; });
        assert_eq!(c.count(), 1);
    }
}
