//! Lowering snapshots, one per form: the input, then the lowered text, then the diagnostics.
//! Review changes with `cargo insta review` (or `INSTA_UPDATE=always` and `git diff`); never
//! edit the `.snap` files by hand.

use yieldc_lower::{Edition, LowerOptions, lower};

fn check(name: &str, input: &str) {
    check_with(
        name,
        input,
        LowerOptions {
            edition: Edition::E2024,
            is_crate_root: true,
            ..Default::default()
        },
    );
}

fn check_with(name: &str, input: &str, options: LowerOptions) {
    let lowered = lower(input, &options);
    let mut report = format!("{input}\n=== lowered ===\n{}", lowered.text);
    if !lowered.diagnostics.is_empty() {
        report.push_str("\n=== diagnostics ===\n");
        for diagnostic in &lowered.diagnostics {
            let suggestions: Vec<String> = diagnostic
                .suggestions
                .iter()
                .map(|s| {
                    format!(
                        "{} ({:?} @ {}..{})",
                        s.message, s.replacement, s.span.start, s.span.end
                    )
                })
                .collect();
            report.push_str(&format!(
                "{}[{}]: {} @ {}..{} {:?}{}\n",
                match diagnostic.level {
                    yieldc_lower::Level::Error => "error",
                    yieldc_lower::Level::Warning => "warning",
                },
                diagnostic.code.unwrap_or("-"),
                diagnostic.message,
                diagnostic.primary.start,
                diagnostic.primary.end,
                diagnostic.help,
                if suggestions.is_empty() {
                    String::new()
                } else {
                    format!(" suggests {suggestions:?}")
                }
            ));
        }
    }
    insta::assert_snapshot!(name, report);
}

#[test]
fn gen_block() {
    check(
        "gen_block",
        "#![feature(gen_blocks)]\nfn f() -> impl Iterator<Item = u8> {\n    gen {\n        let x = 1;\n        yield x;\n    }\n}\n",
    );
}

#[test]
fn gen_move_block_with_capture() {
    check(
        "gen_move_block",
        "fn f(v: Vec<u8>) -> impl Iterator<Item = u8> {\n    gen move {\n        for x in v {\n            yield x;\n        }\n    }\n}\n",
    );
}

#[test]
fn gen_move_block_with_captures_used_only_through_fields() {
    // `p` is used only through fields (and owned: a struct literal): the copy names `p.a` and
    // `p.b.0` through shadow locals (a whole `let mut p = p;` would capture all of `p`); `r`
    // is a reference parameter, rebound whole.
    check(
        "gen_move_block_with_captures_used_only_through_fields",
        "fn f(r: &R) -> impl Iterator<Item = u8> + '_ {\n    let p = P { a: 1, b: (vec![2], 3) };\n    gen move {\n        yield p.a;\n        for x in p.b.0.iter() { yield *x + r.n; }\n        yield p.a;\n    }\n}\n",
    );
}

#[test]
fn gen_move_block_with_a_captured_reference_local_used_through_fields() {
    // `p` is bound only by `let p = &q;` and `pp` only by `let pp = p;`: references, so
    // `p.a` is `(*p).a` and the body captures `p` itself; both are rebound whole (a shadow
    // local of `p.a` would be an owned copy, and the borrow of it across the `yield`, which
    // nightly accepts, would be E0506). `s`, a static, gives no copy (boxed).
    check(
        "gen_move_block_with_a_captured_reference_local_used_through_fields",
        "fn f(q: Q) {\n    let p = &q;\n    let pp = p;\n    let g = gen move {\n        let r = &p.a;\n        yield pp.b;\n        yield r.len();\n    };\n    let h = gen move {\n        let r = &s.a;\n        yield r.len();\n    };\n}\nstatic s: S = S::new();\n",
    );
}

#[test]
fn gen_block_boxed_when_a_capture_is_a_field_base_and_may_move() {
    // Not `move`: `s` may be captured by value (`let t = s;`) and `s.n` borrows it.
    check(
        "gen_block_boxed_when_a_capture_is_a_field_base_and_may_move",
        "fn f(s: S) -> impl Iterator<Item = u8> {\n    gen {\n        yield s.n;\n        let t = s;\n        yield t.n;\n    }\n}\n",
    );
}

#[test]
fn gen_move_block_boxed_when_a_field_only_capture_may_be_a_reference() {
    // `p` (a call's result) is used only through fields, and borrowed (`p.b.iter()`): owned
    // or a reference, the text does not say; shadows would reject borrows through a
    // reference: boxed, no copy.
    check(
        "gen_move_block_boxed_when_a_field_only_capture_may_be_a_reference",
        "fn f() -> impl Iterator<Item = u8> {\n    let p = make();\n    gen move {\n        for x in p.b.iter() { yield *x; }\n    }\n}\n",
    );
}

#[test]
fn gen_move_block_inline_when_a_field_only_capture_is_never_borrowed() {
    // `p.a` and `p.n` are only copied or moved whole (a `yield` operand, a range bound): no
    // borrow of `p` can cross a `yield`, whatever `p` is; the copy leaves `p` alone (no
    // rebinding, which would capture all of it): inline.
    check(
        "gen_move_block_inline_when_a_field_only_capture_is_never_borrowed",
        "fn f() -> impl Iterator<Item = u8> {\n    let p = make();\n    gen move {\n        yield p.a;\n        for i in 0..p.n { yield i; }\n    }\n}\n",
    );
}

#[test]
fn gen_block_boxed_when_a_capture_may_move_and_be_borrowed() {
    // `v` may be captured by value (moved by `let w = v`) and is borrowed (`&v`, `v.len()`):
    // the copy could only see that borrow by rebinding `v`, which would change the capture.
    check(
        "gen_block_boxed",
        "fn f(v: Vec<u8>) -> impl Iterator<Item = u8> {\n    gen {\n        let n = v.len();\n        let w = v;\n        for x in w { yield x; }\n    }\n}\n",
    );
}

#[test]
fn gen_block_inline_when_captures_are_only_moved_or_copied_whole() {
    // Moved or copied whole (`let w = v`, `0..n`, `i * k`, `yield k`), never borrowed: inline,
    // without rebinding the captures.
    check(
        "gen_block_whole_value_captures",
        "fn f(v: Vec<u8>, n: u8, k: u8) -> impl Iterator<Item = u8> {\n    gen {\n        let w = v;\n        for x in w { yield x; }\n        for i in 0..n { yield i * k; }\n        yield k;\n    }\n}\n",
    );
}

#[test]
fn shadowing_is_renamed_in_the_check_copy() {
    check(
        "shadowing",
        "fn f() -> impl Iterator<Item = u8> {\n    gen move {\n        let x = 1;\n        let x = x + 1;\n        println!(\"{x}\");\n        let p = P { x };\n        let P { x } = p;\n        yield x;\n    }\n}\n",
    );
}

#[test]
fn gen_block_force_boxed() {
    check_with(
        "gen_block_force_boxed",
        "fn f() -> impl Iterator<Item = u8> {\n    gen { yield 1; }\n}\n",
        LowerOptions {
            force_boxed: true,
            is_crate_root: true,
            ..Default::default()
        },
    );
}

#[test]
fn postfix_and_bare_yield() {
    check(
        "postfix_yield",
        "fn f() -> impl Iterator<Item = ()> {\n    gen {\n        ().yield;\n        yield;\n    }\n}\n",
    );
}

#[test]
fn gen_fn_free() {
    check(
        "gen_fn_free",
        "gen fn count(mut n: u32, step: u32) -> u32 {\n    while n > 0 {\n        yield n;\n        n -= step;\n    }\n}\n",
    );
}

#[test]
fn gen_fn_unit_items_and_borrowed_argument() {
    check(
        "gen_fn_unit",
        "gen fn ticks(s: &str) {\n    for _ in s.chars() {\n        yield;\n    }\n}\n",
    );
}

#[test]
fn gen_fn_in_traits_and_impls() {
    check(
        "gen_fn_trait",
        "trait T {\n    gen fn a(&self) -> u8;\n    gen fn b(&self) -> u8 { yield 1; }\n}\nimpl T for () {\n    gen fn a(&self) -> u8 { yield 2; }\n}\n",
    );
}

#[test]
fn async_gen_block_and_fn() {
    check(
        "async_gen",
        "async gen fn f(n: u8) -> u8 {\n    yield n;\n}\nfn g() {\n    let s = async gen move {\n        let v = vec![1];\n        for x in &v { yield *x; }\n    };\n}\n",
    );
}

#[test]
fn await_in_async_gen() {
    // Every `.await` of the body, also in nested `async` blocks and closures and in macro
    // arguments, goes through `__awaited`; not in a nested `fn`, and not the postfix yield.
    check(
        "await_in_async_gen",
        "async fn one() -> u8 { 1 }\nasync gen fn f() -> u8 {\n    yield one().await;\n    let a = async { (one()).await };\n    let c = async || one().await;\n    println!(\"{}\", one().await);\n    fn inner() -> impl Future<Output = u8> { async { one().await } }\n    a.await.yield;\n}\nasync fn plain() { one().await; }\n",
    );
}

#[test]
fn for_await() {
    check(
        "for_await",
        "async fn f(s: impl AsyncIterator<Item = u8>) {\n    'outer: for await x in s {\n        println!(\"{x}\");\n    }\n}\n",
    );
}

#[test]
fn coroutine_closures() {
    check(
        "coroutine",
        "fn f() {\n    let a = #[coroutine] |x: i32| {\n        let y = yield x;\n        y\n    };\n    let b = #[coroutine] static move || {\n        let v = [1];\n        for p in &v { yield *p; }\n    };\n}\n",
    );
}

#[test]
fn iter_macro() {
    check(
        "iter_macro",
        "use std::iter::iter;\nfn f() {\n    let it = iter!(|n: u8| {\n        yield n;\n    });\n}\n",
    );
}

#[test]
fn iter_macro_move_closure() {
    // `move`: the block is `async move`. `v` is a capture: boxed, and the copy checks the
    // parameter `n` only (nightly borrows the captures from the closure). Without captures
    // (`m`), inline with the copy.
    check(
        "iter_macro_move_closure",
        "use std::iter::iter;\nfn f(v: Vec<u8>) {\n    let it = iter!(move |n: u8| {\n        for x in v.iter() { yield *x + n; }\n    });\n    let only = iter!(move |m: u8| {\n        yield m;\n    });\n}\n",
    );
}

#[test]
fn library_paths_and_features() {
    check(
        "paths",
        "#![feature(coroutines, coroutine_trait, negative_impls, stmt_expr_attributes)]\nuse std::ops::{Coroutine, CoroutineState, Add};\nuse core::async_iter::AsyncIterator;\nfn f() { let _ = std::iter::from_coroutine(#[coroutine] || { yield 1; }); }\n",
    );
}

#[test]
fn macro_arguments() {
    check(
        "macro_arguments",
        "fn f() {\n    println!(\"{:?}\", gen { yield 1; }.count());\n    let g = gen {\n        let x = 2;\n        assert_eq!(x, 2, \"{}\", x);\n        yield x;\n    };\n}\n",
    );
}

#[test]
fn match_and_if_let_bindings_in_the_check_copy() {
    check(
        "check_copy_bindings",
        "fn f(o: Option<(u8, u8)>) -> impl Iterator<Item = u8> {\n    gen move {\n        if let Some((a, b)) = o {\n            yield a;\n            yield b;\n        }\n        match o {\n            Some((c, _)) => yield c,\n            None => {}\n        }\n    }\n}\n",
    );
}

#[test]
fn diagnostics() {
    check(
        "diagnostics",
        "fn f() {\n    let g = gen { yield 1; };\n    let h = gen { async {}.await; };\n    let i = gen { let a = async { yield 2; }; };\n    let c = async gen || { yield 3; };\n}\nfn p() { yield 1; }\n",
    );
}

#[test]
fn library_paths_in_gen_fn_parameters() {
    check(
        "gen_fn_parameter_paths",
        "#![feature(gen_blocks, async_iterator, async_for_loop)]\nasync gen fn doubled(source: impl std::async_iter::AsyncIterator<Item = u32>) -> u32 {\n    for await x in source { yield x * 2; }\n}\n",
    );
}

#[test]
fn the_lowerings_names_are_reserved() {
    let lowered = yieldc_lower::lower(
        "#![feature(gen_blocks)]\nfn f() -> impl Iterator<Item = u8> { gen { let __yieldc_co = 1u8; yield __yieldc_co; } }\n",
        &yieldc_lower::LowerOptions {
            edition: yieldc_lower::Edition::E2024,
            is_crate_root: true,
            ..Default::default()
        },
    );
    let reserved: Vec<_> = lowered
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("is reserved for yieldc's lowering"))
        .collect();
    assert_eq!(reserved.len(), 2, "{:?}", lowered.diagnostics);
}

#[test]
fn macro_rules_bodies() {
    // A gen block with `$( yield $e; )*`, `gen $body` with a block fragment, a `gen fn` with a
    // metavariable name, a macro whose `yield` lands in the invoker's generator (boxed there,
    // with `__ym` defined), and an `async` block in that generator (`__ym` shadowed).
    check(
        "macro_rules_bodies",
        "#![feature(gen_blocks)]\nmacro_rules! items {\n    ($($e:expr),*) => { gen { $( yield $e; )* } };\n    ($body:block) => { gen move $body };\n}\nmacro_rules! counter {\n    ($name:ident, $n:expr) => {\n        gen fn $name() -> u32 { for i in 0..$n { yield i; } }\n    };\n}\nmacro_rules! emit {\n    ($e:expr) => { yield $e };\n    () => { yield };\n}\nfn main() {\n    let g = gen {\n        emit!(1);\n        let f = async { emit!(2) };\n    };\n    let h = items!({ yield 3; });\n}\n",
    );
}

#[test]
fn macro_rules_body_that_is_not_rust() {
    check(
        "macro_rules_not_lowerable",
        "#![feature(gen_blocks)]\nmacro_rules! arms {\n    ($x:pat) => {\n        $x => gen { yield 1; },\n    };\n}\n",
    );
}

#[test]
fn library_gates_missing() {
    // Nightly's E0658 at each use of an unstable library item whose gate the crate root lacks:
    // each item of a `use` group, paths through an imported name, and unstable trait methods.
    check(
        "library_gates_missing",
        "#![feature(coroutines, gen_blocks)]\nuse std::ops::{Coroutine, CoroutineState};\nuse core::async_iter;\nuse std::iter::iter;\nfn f(_: async_iter::FromIter<u8>) {}\nfn main() {\n    let _ = std::iter::from_coroutine(#[coroutine] || { yield 1; });\n    let _: Option<CoroutineState<u8, ()>> = None;\n    let g = async gen { yield 1; };\n    println!(\"{:?}\", g.size_hint());\n    let _ = std::pin::Pin::new(&mut c).resume(());\n}\n",
    );
}

#[test]
fn gen_unsafe_fn_qualifier_order() {
    // Nightly's order `[async] gen unsafe fn` is a gen fn (the parser leaves `gen` and `async`
    // in error nodes before the `unsafe fn`); `unsafe gen fn` is nightly's parse error.
    check(
        "gen_unsafe_fn",
        "#![feature(gen_blocks)]\npub gen unsafe fn f() -> u8 {\n    yield 1;\n}\nasync gen unsafe fn g() {}\nunsafe gen fn h() {}\n",
    );
}

#[test]
fn gen_where_nightly_does_not_parse_or_allow_it() {
    // `gen ||`, a gen block in a `const fn`, a constant and a static: nightly's errors only
    // (the closure's `yield` is not reported again).
    check(
        "gen_not_allowed",
        "#![feature(gen_blocks)]\nconst fn f() { let _ = gen { yield 1; }; }\nconst C: () = { let _ = async gen { yield 1; }; };\nfn g() { let _ = || gen { yield 1; }; let _ = gen || { yield 2; }; }\n",
    );
}

#[test]
fn gen_fn_in_edition_2021() {
    check_with(
        "gen_fn_2021",
        "#![feature(gen_blocks)]\ngen fn f() -> u8 {\n    yield 1;\n}\nimpl S {\n    gen fn g(&self) {}\n}\n",
        LowerOptions {
            edition: Edition::E2021,
            is_crate_root: true,
            ..Default::default()
        },
    );
}

#[test]
fn edition_2015_root_declares_the_runtime() {
    check_with(
        "edition_2015_runtime",
        "//! Docs.\n#![feature(iter_macro, yield_expr)]\n\n#[allow(unused)]\nuse std::iter::iter;\nfn main() { let _ = iter!(|| { yield 1; }); }\n",
        LowerOptions {
            edition: Edition::E2015,
            is_crate_root: true,
            ..Default::default()
        },
    );
}

/// In edition 2015 `async` and `await` are identifiers: the runtime's `__async!`/`__await!`
/// spell them, and `core` is the runtime's `__core`.
#[test]
fn edition_2015_coroutine_and_iter_arguments() {
    check_with(
        "edition_2015_coroutine",
        "#![feature(coroutines, stmt_expr_attributes, iter_macro, yield_expr)]\nmacro_rules! give { ($e:expr) => { yield $e } }\nfn main() {\n    let _ = #[coroutine] |a: u8| { let b = yield a; give!(b); };\n    let _ = std::iter::iter!(|n: u8| { yield n; });\n}\n",
        LowerOptions {
            edition: Edition::E2015,
            is_crate_root: true,
            ..Default::default()
        },
    );
}

#[test]
fn gen_body_tail_value_and_stringify() {
    // A value at the end of a gen body is typed `()` where it stands (nightly's E0308 there);
    // `stringify!` keeps the tokens as written.
    check(
        "gen_body_tail",
        "#![feature(gen_blocks)]\nfn f() {\n    let g = gen {\n        yield 1;\n        5\n    };\n    let s = stringify!(gen { yield 1; });\n}\n",
    );
}

#[test]
fn for_await_in_macro_arguments() {
    // `for await` loses its `await` before parsing: a macro call holding one is still walked.
    check(
        "for_await_in_macro_arguments",
        "#![feature(gen_blocks, async_iterator, async_for_loop)]\nfn f(s: impl std::async_iter::AsyncIterator<Item = u8>) {\n    let _ = std::pin::pin!(async {\n        for await x in s {\n            let _ = x;\n        }\n    });\n}\n",
    );
}

/// A plain closure with a `yield` inside a gen is a coroutine on nightly: lowered as a
/// `#[coroutine]` one, its `yield` carrying nightly's codeless error.
#[test]
fn yield_in_closure_nested_in_gen() {
    check(
        "yield_in_closure_nested_in_gen",
        "#![feature(gen_blocks)]\nfn main() {\n    let _ = gen {\n        let f = || { yield 1; };\n        f();\n        yield 2;\n    };\n}\n",
    );
}

#[test]
fn cfg_attr_gates() {
    // Active `cfg_attr`s: a gate-only one disappears; one with other attributes keeps them; an
    // inactive one stays as written (its gates do not count: `gen` is E0658 there).
    check_with(
        "cfg_attr_gates",
        "#![cfg_attr(unix, feature(gen_blocks))]\n#![cfg_attr(all(), feature(iter_macro), allow(dead_code))]\n#![cfg_attr(windows, feature(coroutines))]\nfn f() -> impl Iterator<Item = u8> { gen { yield 1; } }\n",
        LowerOptions {
            edition: Edition::E2024,
            is_crate_root: true,
            active_cfgs: Some(vec!["unix".to_string()]),
            ..Default::default()
        },
    );
}
