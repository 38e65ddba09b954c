//! The item-limited lowering (`lower`) must agree byte for byte with the whole-file reference
//! (`lower_whole_file`): text, source map and diagnostics (and the byte scan with its
//! reference), on every input the other tests use
//! (snapshot inputs, end-to-end programs, the invariant tests' seeded inputs, the UI tests, the
//! book's and the example projects' Rust code) and on real files from `~/.cargo/registry/src`
//! (skipped when absent) with coroutine syntax injected.

mod support;

use std::path::{Path, PathBuf};

use support::{
    Random, inject, inject_gen_fns, mutate, programs, random_bytes, registry_files, token_soup,
};
use yieldc_lower::{Edition, LowerOptions, lower, lower_whole_file};

fn option_sets() -> Vec<LowerOptions> {
    vec![
        LowerOptions {
            edition: Edition::E2024,
            is_crate_root: true,
            ..Default::default()
        },
        LowerOptions {
            edition: Edition::E2024,
            is_crate_root: false,
            crate_features: vec!["gen_blocks".to_owned()],
            ..Default::default()
        },
        LowerOptions {
            edition: Edition::E2021,
            is_crate_root: false,
            ..Default::default()
        },
        LowerOptions {
            edition: Edition::E2024,
            is_crate_root: true,
            force_boxed: true,
            ..Default::default()
        },
        LowerOptions {
            edition: Edition::E2018,
            is_crate_root: true,
            ..Default::default()
        },
    ]
}

/// Asserts that both paths agree on `source` under every option set.
fn assert_same(what: &str, source: &str) {
    for options in option_sets() {
        assert_same_with(what, source, &options);
    }
}

fn assert_same_with(what: &str, source: &str, options: &LowerOptions) {
    assert_eq!(
        yieldc_syntax::might_use_coroutine_syntax(source),
        yieldc_syntax::might_use_coroutine_syntax_reference(source),
        "{what}: the byte scan disagrees with its reference"
    );
    let by_items = lower(source, options);
    let whole = lower_whole_file(source, options);
    let context = || {
        format!(
            "{what} ({:?}, root: {})",
            options.edition, options.is_crate_root
        )
    };
    assert!(
        by_items.text == whole.text,
        "{}: lowered text differs\n--- item path ---\n{}\n--- whole file ---\n{}",
        context(),
        by_items.text,
        whole.text
    );
    assert_eq!(
        by_items.source_map,
        whole.source_map,
        "{}: source map differs",
        context()
    );
    assert_eq!(
        by_items.diagnostics,
        whole.diagnostics,
        "{}: diagnostics differ",
        context()
    );
}

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

use support::files_under;

/// The Rust code blocks of a Markdown file, with rustdoc's hidden-line markers removed.
fn rust_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in markdown.lines() {
        let trimmed = line.trim_start();
        if let Some(fence) = trimmed.strip_prefix("```") {
            match current.take() {
                Some(block) => blocks.push(block),
                None => {
                    let info = fence.trim();
                    if info.is_empty() || info.starts_with("rust") || info.contains("ignore") {
                        current = Some(String::new());
                    }
                }
            }
            continue;
        }
        if let Some(block) = &mut current {
            let line = line.strip_prefix("# ").unwrap_or(line);
            let line = if line == "#" { "" } else { line };
            block.push_str(line);
            block.push('\n');
        }
    }
    blocks
}

#[test]
fn snapshot_inputs() {
    let mut snapshots = Vec::new();
    files_under(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots"),
        "snap",
        &mut snapshots,
    );
    assert!(!snapshots.is_empty());
    for path in snapshots {
        let text = std::fs::read_to_string(&path).expect("read");
        // insta's header, then the input up to the lowered text.
        let body = text.splitn(3, "---\n").nth(2).unwrap_or(&text);
        let input = body.split("\n=== lowered ===").next().unwrap_or(body);
        assert_same(&path.display().to_string(), input);
    }
}

#[test]
fn end_to_end_programs() {
    for (name, source) in programs() {
        assert_same(&name, &source);
    }
}

#[test]
fn invariant_test_inputs() {
    let options = option_sets();
    for seed in 1..=1500u64 {
        let mut random = Random(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let source = token_soup(&mut random);
        assert_same_with(&format!("token soup {seed}"), &source, &options[0]);
    }
    for seed in 1..=500u64 {
        let mut random = Random(seed.wrapping_mul(0x2545_F491_4F6C_DD1D) | 1);
        let source = random_bytes(&mut random);
        assert_same_with(&format!("random bytes {seed}"), &source, &options[0]);
    }
    let programs = programs();
    for seed in 1..=600u64 {
        let mut random = Random(seed.wrapping_mul(0xD6E8_FEB8_6659_FD93) | 1);
        let (_, original) = &programs[random.below(programs.len())];
        let source = mutate(original, &mut random);
        assert_same_with(
            &format!("mutated program {seed}"),
            &source,
            &options[seed as usize % options.len()],
        );
    }
}

#[test]
fn ui_tests() {
    let mut cases = Vec::new();
    files_under(&repository().join("ui-tests/tests/ui"), "rs", &mut cases);
    assert!(cases.len() > 100, "ui tests not found");
    for path in cases {
        let source = std::fs::read_to_string(&path).expect("read");
        assert_same(&path.display().to_string(), &source);
    }
}

#[test]
fn book_and_example_projects() {
    let mut pages = Vec::new();
    files_under(&repository().join("book/src"), "md", &mut pages);
    files_under(&repository().join("rfcs"), "md", &mut pages);
    assert!(!pages.is_empty(), "book not found");
    for path in pages {
        let markdown = std::fs::read_to_string(&path).expect("read");
        for (index, block) in rust_blocks(&markdown).iter().enumerate() {
            assert_same(&format!("{} block {index}", path.display()), block);
        }
    }
    let mut sources = Vec::new();
    files_under(&repository().join("examples"), "rs", &mut sources);
    assert!(!sources.is_empty(), "example projects not found");
    for path in sources {
        let source = std::fs::read_to_string(&path).expect("read");
        assert_same(&path.display().to_string(), &source);
    }
}

#[test]
fn registry_files_with_coroutine_syntax_injected() {
    let files = registry_files(1_500_000);
    if files.is_empty() {
        eprintln!("no cargo registry sources: skipped");
        return;
    }
    let options = option_sets();
    for (index, (path, text)) in files.iter().enumerate() {
        let mut random = Random((index as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let source = inject(text, &mut random);
        assert_same_with(
            &path.display().to_string(),
            &source,
            &options[index % options.len()],
        );
        assert_same_with(&path.display().to_string(), text, &options[0]);
        let source = inject_gen_fns(text, &mut random);
        assert_same_with(&path.display().to_string(), &source, &options[0]);
    }
}

#[test]
fn byte_scan_agrees_with_its_reference_on_every_registry_file() {
    let files = registry_files(usize::MAX);
    let mut random = Random(7);
    for (path, text) in &files {
        for source in [text.clone(), inject_gen_fns(text, &mut random)] {
            assert_eq!(
                yieldc_syntax::might_use_coroutine_syntax(&source),
                yieldc_syntax::might_use_coroutine_syntax_reference(&source),
                "{}",
                path.display()
            );
        }
    }
    // Needles at the edges of the text and of words.
    for source in [
        "gen",
        "yield",
        "for await",
        "xgen",
        "gen_",
        "gen_blocks",
        "gen_blocksx",
        "coroutine",
        "Coroutines",
        "xCoroutine",
        "iter_from_coroutine",
        "xiter_from_coroutine",
        "iter_from_coroutines",
        "async_iter",
        "async_it",
        "async_for_loop",
        "async_for_loops",
        "iter!",
        "xiter!",
        "iter_macro",
        "iter_macros",
        "yield_expr",
        "yield_exprs",
        "for\nawait",
        "platform await",
        ".await",
        "é gen",
        "éyield",
        "yieldé",
        "coroutine_trait",
    ] {
        assert_eq!(
            yieldc_syntax::might_use_coroutine_syntax(source),
            yieldc_syntax::might_use_coroutine_syntax_reference(source),
            "{source:?}"
        );
    }
}

/// Inputs on which the fuzzer once found the two paths disagreeing (reduced).
#[test]
fn fuzz_findings() {
    for source in [
        // `#`, `!`, `[` apart: still an inner attribute (the gate is removed).
        "#\n![feature(gen_blocks)]\nuse crate::prelgen moveude::*;\nfn f() { let _ = gen { yield 1 }; }\n",
        // A malformed `impl` header: the parser does not see an item list.
        "struct Owner;\nimpl Owg is renamed.\n// x\nstruct ner {\n    gen fn into_values(self) -> u8 {\n        for v in self.values {\n            yield v;\n        }\n    }\n}\n",
        // `r&###"..."###`: in edition 2024 `###"` starts a guarded string.
        "fn a() { snapshot!(tokens, @r&###\"\n gen \"###); }\ngen fn b() -> u8 { yield 1 }\n",
        // An attribute (or `pub`) right before `}`: the parser's recovery consumes the `}`.
        "enum E {\n    A,\n    #[cfg(x)]\n    /// doc B(C),\n}\nimpl S {\n    gen fn a(&self) -> u8 { yield 1 }\n}\n",
        "struct S { pub }\ngen fn a() -> u8 { yield 1 }\n",
        "struct S { #[a] }\ngen fn a() -> u8 { yield 1 }\n",
        // A generic parameter list still open at a closing delimiter: the parser takes the
        // `}` as an erroneous parameter, and the function runs on past it.
        "fn k_smallest() {\n    iter.for_each(|i| {\n        pub(crate) fn k_smallest<T: Ord, \n    });\n}\n\ngen fn injected_19(items: Vec<u32>) -> u32 {\n    for item in items {\n        yield item;\n    }\n}\n",
        // ... but not in a macro's tokens.
        "macro_rules! m { ($(#[$m:meta])*) => {} }\ngen fn a() -> u8 { yield 1 }\n",
        // A malformed `builtin#` form: the whole-file parse recovers past its item.
        "#![feature(gen_blocks)]\nfn foo() {\n    builtin#asm-> u8(\"\");\n    builtin#offset_of(Foo, bar.babaz.0);\n}\n\ngen fn injected_4(items: Vec<u32>) -> u32 {\n    let mut total = 0;\n    for item in items {\n        total += item;\n        yield total;\n    }\n}\n",
    ] {
        assert_same(source, source);
    }
}

/// Non-ASCII code: identifiers (`XID_Start`/`XID_Continue`, as rustc's lexer), lifetimes and
/// labels, literal suffixes, Pattern_White_Space beyond ASCII, and non-ASCII in strings,
/// comments and char literals. The item path must take these files (no fallback) and agree
/// with the whole-file path; characters the lexer rejects make the scan give up.
#[test]
fn non_ascii_code() {
    let taken = [
        "#![feature(gen_blocks)]\n// ünïcödé\nstruct Größe { wert: u8 }\nfn ändern<'ä>(x: &'ä str) -> &'ä str { x }\ngen fn zählen(grenze: u32) -> u32 {\n    let mut zähler = 0;\n    while zähler < grenze {\n        yield zähler;\n        zähler += 1;\n    }\n}\n",
        "#![feature(gen_blocks)]\nconst 名前: &str = \"γράμμα\";\nfn f() -> impl Iterator<Item = char> {\n    gen {\n        let λ = 'λ';\n        yield λ;\n        yield '名';\n    }\n}\n",
        "#![feature(gen_blocks)]\u{2028}fn a() {}\u{2029}gen fn b() -> u8 {\u{85}yield 1;\u{200E}yield 2;\u{200F}}\n",
        "#![feature(gen_blocks)]\nfn a() { 'äußere: loop { break 'äußere; } }\nimpl Größe {\n    fn neu() -> Self { Größe }\n    gen fn werte(&self) -> u8 { yield 1 }\n}\n",
        "#![feature(gen_blocks)]\nstruct Ψ;\ngen fn f() -> Ψ { let Ψ = Ψ; yield Ψ; }\nfn g() { let Ω = 1; }\n",
        "#![feature(gen_blocks)]\nfn a() -> u8 { 1é }\ngen fn b() -> &'static str { yield \"x\"ß; /* ∑ */ yield \"∞\"; }\n",
        "#\u{2028}![feature(gen_blocks)]\nfn a() {}\ngen fn b() -> u8 { yield 1 }\n",
        "#\u{b}![feature(gen_blocks)]\nfn a() {}\ngen fn b() -> u8 { yield 1 }\n",
        "macro_rules! é { ($(#[$m:meta])*) => {} }\ngen fn a() -> u8 { yield 1 }\n",
    ];
    for source in taken {
        assert_same(source, source);
        let options = support::options();
        assert!(
            yieldc_lower::lower_item_limited(source, &options).is_some(),
            "item path not taken: {source}"
        );
    }
    for source in [
        "fn a() { x → y }\ngen fn b() -> u8 { yield 1 }\n",
        "fn a😀() {}\ngen fn b() -> u8 { yield 1 }\n",
        "fn a() { r#é }\ngen fn b() -> u8 { yield 1 }\n",
        "fn a() { 1· }\ngen fn b() -> u8 { yield 1 }\n",
        "#!\u{3000}[feature(gen_blocks)]\ngen fn b() -> u8 { yield 1 }\n",
        "#!\u{b}[feature(gen_blocks)]\ngen fn b() -> u8 { yield 1 }\n",
        "---\nfn a() {}\n---\ngen fn b() -> u8 { yield 1 }\n",
        "\n---\ngen\n---\ngen fn b() -> u8 { yield 1 }\n",
    ] {
        assert_same(source, source);
    }
}

/// Files that mention gated library items or define macros with coroutine syntax: the item
/// path answers the whole-file questions (library gates, `macro_rules!` facts) from the parts
/// where it can, and agrees with the whole-file path either way.
#[test]
fn library_gates_and_macro_facts_from_the_parts() {
    let taken = [
        // Gated names only in comments, strings and doc text.
        "#![feature(gen_blocks)]\n// std::iter::iter, async gen, Coroutine\nfn a() { let _ = \"core::iter::iter\"; }\ngen fn b() -> u8 { yield 1 }\n",
        "#![feature(gen_blocks)]\n/// An `async gen` block\nfn a() {}\n/* iter::{iter} */\ngen fn b() -> u8 { yield 1 }\n",
        // A macro that makes a generator (embedding), in a marked part.
        "#![feature(gen_blocks)]\nmacro_rules! m { ($e:expr) => { gen { yield $e; } } }\nfn a() { let _ = m!(1); }\ngen fn b() -> u8 { yield 1 }\n",
        // A yielding macro, with no other macro definitions in the file.
        "#![feature(gen_blocks)]\nmacro_rules! y { ($e:expr) => { yield $e } }\ngen fn b() -> u8 { y!(1); yield 2 }\nfn c() {}\n",
        // `T![gen]` (rust-analyzer's generated syntax kinds).
        "#![feature(gen_blocks)]\nmacro_rules! T { [gen] => { $crate::GEN }; [fn] => { $crate::FN } }\nfn a() -> u8 { T![fn] }\ngen fn b() -> u8 { yield 1 }\n",
    ];
    for source in taken {
        assert_same(source, source);
        assert!(
            yieldc_lower::lower_item_limited(source, &support::options()).is_some(),
            "item path not taken: {source}"
        );
    }
    for source in [
        // Gated paths and imports: reported, in source order, over the whole file.
        "#![feature(gen_blocks)]\nfn a() { std::iter::iter(); }\ngen fn b() -> u8 { yield 1 }\nfn c() { core::iter :: iter; }\n",
        "#![feature(gen_blocks)]\nuse std::ops::Coroutine as C;\nfn a(c: C) { c.resume(()); }\ngen fn b() -> u8 { yield 1 }\n",
        "#![feature(gen_blocks)]\nuse std::ops::{Coroutine, CoroutineState};\nfn a() {}\nfn r(x: X) { x.resume(()); }\n",
        "#![feature(gen_blocks)]\nfn a() { let s = async gen { yield 1 }; }\nfn c(s: S) { s.poll_next(cx); s.size_hint(); }\n",
        "#![feature(gen_blocks)]\nuse std::iter::iter as it;\nfn a() { let _ = it!(|| { yield 1 }); }\nfn c() { it::x(); }\n",
        // A yielding macro and another definition that invokes it, in an unmarked item.
        "#![feature(gen_blocks)]\nmacro_rules! y { ($e:expr) => { yield $e } }\nmacro_rules! z { ($e:expr) => { y!($e) } }\ngen fn b() -> u8 { z!(1); yield 2 }\n",
        "#![feature(gen_blocks)]\nmacro_rules! z { ($e:expr) => { y!($e) } }\nfn c() {}\nmacro_rules! y { ($e:expr) => { yield $e } }\ngen fn b() -> u8 { z!(1); yield 2 }\ngen fn d() -> u8 { yield 2 }\n",
    ] {
        assert_same(source, source);
    }
}

/// A yielding macro in a marked part, and definitions in unmarked items that invoke it (they
/// yield too) or do not: the unmarked definitions are parsed for the file's macro facts.
#[test]
fn macro_facts_with_unmarked_definitions() {
    for source in [
        "#![feature(gen_blocks)]\nmacro_rules! y { ($e:expr) => { yield $e } }\nmacro_rules! z { ($e:expr) => { y!($e) } }\ngen fn b() -> u8 { z!(1); yield 2 }\n",
        "#![feature(gen_blocks)]\nmacro_rules! z { ($e:expr) => { y!($e) } }\nfn c() { let _ = \"macro_rules\"; }\nmacro_rules! y { ($e:expr) => { yield $e } }\ngen fn b() -> u8 { z!(1); yield 2 }\ngen fn d() -> u8 { yield 2 }\n",
        "#![feature(gen_blocks)]\nmacro_rules! y { ($e:expr) => { yield $e } }\nmod m { macro_rules! z { () => { y!(1) } } fn f() {} }\ngen fn b() -> u8 { z!(); yield 2 }\n",
        "#![feature(gen_blocks)]\nmacro_rules! y { ($e:expr) => { yield $e } }\nfn c() { macro_rules! z { () => { y!(1) } } }\ngen fn b() -> u8 { z!(); yield 2 }\n",
        "#![feature(gen_blocks)]\nmacro_rules! y { ($e:expr) => { yield $e } }\nfn c() { macro_rules! w { () => { 1 } } }\ngen fn b() -> u8 { w!(); yield 2 }\n",
    ] {
        assert_same(source, source);
        assert!(
            yieldc_lower::lower_item_limited(source, &support::options()).is_some(),
            "item path not taken: {source}"
        );
    }
}

/// A marked item with errors only `ra_ap_syntax`'s validation pass reports (`..=` without an
/// end, `pub` on a trait method, a `let` in a plain `if`, an inner attribute in an expression block):
/// the tree is what the whole file's parse has there, so the item path takes it.
#[test]
fn validation_errors_do_not_send_an_item_to_the_whole_file_path() {
    for source in [
        "#![feature(gen_blocks)]\nfn a() {}\ngen fn b() -> u8 { let _r = 1..=; yield 1 }\n",
        "#![feature(gen_blocks)]\ntrait T {\n    pub gen fn b(&self) -> u8 { yield 1 }\n}\n",
        "#![feature(gen_blocks)]\ngen fn b(x: Option<u8>) -> u8 { if (let Some(y) = x) { yield y } }\n",
        "#![feature(gen_blocks)]\ngen fn b() -> u8 { let v = { #![allow(x)] 1 }; yield v }\n",
    ] {
        assert_same(source, source);
        assert!(
            yieldc_lower::lower_item_limited(source, &support::options()).is_some(),
            "item path not taken: {source}"
        );
    }
}
