//@run
// A `yield` after `return` or an endless `loop` is nightly's "unreachable statement" at the
// `yield` statement (it was dropped: rustc's span was inside the lowering's `__y!`), and
// `yield return` is an "unreachable expression" that compiles (it was an edition 2024 error
// about never type fallback flowing into the runtime's `unsafe fn`).
#![feature(gen_blocks, coroutines, stmt_expr_attributes)]
fn main() {
    let a = async gen {
        return;
        yield 1;
    };
    let c = #[coroutine] || {
        return 5;
        yield 1u8;
    };
    let g = gen {
        yield return;
    };
    let h = gen {
        let _x = { return; };
        yield 2u8;
    };
    let h2 = gen {
        loop { yield 3u8; }
        yield 4;
    };
    println!("{} {}", g.count(), h2.take(2).count());
    drop((a, c, h));
}
