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
        // ... but not in a macro's tokens.
        "macro_rules! m { ($(#[$m:meta])*) => {} }\ngen fn a() -> u8 { yield 1 }\n",
    ] {
        assert_same(source, source);
    }
}
