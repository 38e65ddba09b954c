//! The lowering's invariants, on every end-to-end program and on random and mutated inputs:
//! line count preserved, every kept original token on its original line, the source map covers
//! every lowered byte, files without coroutine syntax are returned unchanged, lowering is
//! deterministic and idempotent, and nothing panics.

mod support;

use support::*;
use yieldc_lower::{Edition, LowerOptions, lower};

#[test]
fn programs_keep_the_invariants() {
    for (name, source) in programs() {
        let edition = if source.contains("//@ edition: 2021") {
            Edition::E2021
        } else {
            Edition::E2024
        };
        let options = LowerOptions {
            edition,
            ..options()
        };
        let lowered = lower(&source, &options);
        check_invariants(&source, &lowered).unwrap_or_else(|error| panic!("{name}: {error}"));
        assert_ne!(lowered.text, source, "{name}: nothing was lowered");
    }
}

#[test]
fn lowering_is_deterministic_and_idempotent() {
    for (name, source) in programs() {
        let first = lower(&source, &options());
        let second = lower(&source, &options());
        assert_eq!(first.text, second.text, "{name}: not deterministic");
        assert_eq!(
            first.source_map, second.source_map,
            "{name}: source map not deterministic"
        );
        let again = lower(&first.text, &options());
        assert_eq!(again.text, first.text, "{name}: not idempotent");
    }
}

#[test]
fn files_without_coroutine_syntax_are_unchanged() {
    let plain = "fn main() {\n    let v = vec![1, 2];\n    for x in &v { println!(\"{x}\"); }\n}\n";
    assert!(!yieldc_syntax::might_use_coroutine_syntax(plain));
    let lowered = lower(plain, &options());
    assert_eq!(lowered.text, plain);
    assert_eq!(lowered.source_map.entries().len(), 1);
    assert!(lowered.diagnostics.is_empty());
    // Words that merely contain the keywords do not defeat the scan.
    let lookalike =
        "fn length() -> u8 { let generic = 1; let ungenerous = 2; generic + ungenerous }\n";
    assert!(!yieldc_syntax::might_use_coroutine_syntax(lookalike));
    // Mentions in strings and comments are parsed but leave the text unchanged.
    let mentions =
        "// gen { yield 1 }\nfn main() { let s = \"gen move { yield }\"; println!(\"{s}\"); }\n";
    assert!(yieldc_syntax::might_use_coroutine_syntax(mentions));
    assert_eq!(lower(mentions, &options()).text, mentions);
}

#[test]
fn gen_is_untouched_before_edition_2024() {
    let source = "fn gen() {}\nfn main() { let gen = 1; gen(); let _ = gen; }\n";
    for edition in [Edition::E2015, Edition::E2018, Edition::E2021] {
        let lowered = lower(
            source,
            &LowerOptions {
                edition,
                ..options()
            },
        );
        assert_eq!(lowered.text, source, "{edition:?}");
    }
}

/// Lowers `source` (and, every fifth seed, `source` after a byte-order mark) as a file and as
/// an `include!`d expression: no panic, and every result keeps the invariants.
fn check_no_panic(source: &str, seed: u64) {
    let marked = format!("\u{feff}{source}");
    let source = if seed % 5 == 0 {
        marked.as_str()
    } else {
        source
    };
    let result = std::panic::catch_unwind(|| {
        let lowered = lower(source, &options());
        check_invariants(source, &lowered)?;
        match yieldc_lower::lower_included_expression(source, &options()) {
            Some(expression) => check_invariants(source, &expression),
            None => Ok(()),
        }
    });
    match result {
        Ok(Ok(())) => {}
        Ok(Err(error)) => panic!("seed {seed}: invariant broken: {error}\n--- input ---\n{source}"),
        Err(_) => panic!("seed {seed}: the lowering panicked\n--- input ---\n{source}"),
    }
}

#[test]
fn random_token_soup_never_panics() {
    for seed in 1..=1500u64 {
        let mut random = Random(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        check_no_panic(&token_soup(&mut random), seed);
    }
}

#[test]
fn random_bytes_never_panic() {
    for seed in 1..=500u64 {
        let mut random = Random(seed.wrapping_mul(0x2545_F491_4F6C_DD1D) | 1);
        check_no_panic(&random_bytes(&mut random), seed);
    }
}

#[test]
fn mutated_programs_never_panic() {
    let programs = programs();
    for seed in 1..=600u64 {
        let mut random = Random(seed.wrapping_mul(0xD6E8_FEB8_6659_FD93) | 1);
        let (_, original) = &programs[random.below(programs.len())];
        check_no_panic(&mutate(original, &mut random), seed);
    }
}

#[test]
fn files_rustcs_lexer_rejects_are_left_for_rustc() {
    for source in [
        "#![feature(gen_blocks)]\nfn main() { let g = gen { yield [1, 2); }; }\n",
        "#![feature(gen_blocks)]\nfn main() { let g = gen { yield (1",
        "#![feature(gen_blocks)]\nfn main() { let g = gen { yield \"abc; }; }\n",
        "#![feature(gen_blocks)]\n/* fn main() { let g = gen { yield 1; }; }\n",
    ] {
        let lowered = lower(source, &options());
        assert_eq!(lowered.text, source);
        assert!(lowered.diagnostics.is_empty(), "{source}");
    }
}

#[test]
fn nesting_beyond_the_limits_is_an_error_not_a_crash() {
    let depth = yieldc_syntax::MAX_NESTING + 1;
    let source = format!(
        "#![feature(gen_blocks)]\ngen fn g() -> u32 {}yield 1;{}\n",
        "{".repeat(depth),
        "}".repeat(depth)
    );
    let lowered = lower(&source, &options());
    assert_eq!(lowered.text, source);
    assert_eq!(
        lowered.diagnostics[0].message,
        format!(
            "yieldc cannot lower a file nested more than {} levels deep",
            depth - 1
        )
    );

    let levels = yieldc_lower::MAX_GENERATOR_NESTING;
    let nested = |levels: usize| {
        let mut body = "yield 1u32;".to_string();
        for _ in 1..levels {
            body = format!("for x in gen {{ {body} }} {{ yield x; }}");
        }
        format!("#![feature(gen_blocks)]\ngen fn g() -> u32 {{ {body} }}\n")
    };
    let accepted = lower(&nested(levels), &options());
    assert!(
        accepted.diagnostics.is_empty(),
        "{:?}",
        accepted.diagnostics
    );
    let source = nested(levels + 1);
    let refused = lower(&source, &options());
    assert_eq!(refused.text, source);
    assert_eq!(
        refused.diagnostics[0].message,
        format!("yieldc cannot lower generators nested more than {levels} deep")
    );
}

#[test]
fn a_byte_order_mark_is_kept_and_the_rest_lowered_as_without_it() {
    for (name, source) in programs() {
        let with_mark = format!("\u{feff}{source}");
        let plain = lower(&source, &options());
        let lowered = lower(&with_mark, &options());
        check_invariants(&with_mark, &lowered).unwrap_or_else(|error| panic!("{name}: {error}"));
        assert_eq!(lowered.text, format!("\u{feff}{}", plain.text), "{name}");
        let mark = '\u{feff}'.len_utf8();
        assert_eq!(lowered.source_map.to_original(0), 0, "{name}");
        for entry in plain.source_map.entries() {
            assert_eq!(
                lowered.source_map.to_original(entry.lowered.start + mark),
                plain.source_map.to_original(entry.lowered.start) + mark,
                "{name}"
            );
        }
        let spans = |lowered: &yieldc_lower::Lowered| -> Vec<(usize, usize)> {
            lowered
                .diagnostics
                .iter()
                .map(|diagnostic| (diagnostic.primary.start, diagnostic.primary.end))
                .collect()
        };
        let shifted: Vec<_> = spans(&plain)
            .into_iter()
            .map(|(start, end)| (start + mark, end + mark))
            .collect();
        assert_eq!(spans(&lowered), shifted, "{name}");
        assert_eq!(
            yieldc_lower::lower_whole_file(&with_mark, &options()).text,
            lowered.text,
            "{name}"
        );
    }
    // A gate after the mark is the crate's gate (it was E0658 at every `gen`).
    let gated = "\u{feff}#![feature(gen_blocks)]\nfn main() { let _ = gen { yield 1 }; }\n";
    let lowered = lower(gated, &options());
    assert!(lowered.diagnostics.is_empty(), "{:?}", lowered.diagnostics);
    assert!(!lowered.text.contains("feature(gen_blocks)"));
}

#[test]
fn a_file_that_is_one_expression_is_lowered_as_one() {
    use yieldc_lower::lower_included_expression;
    let expression = "// numbers\ngen {\n    yield 1u32;\n    let v = vec![2];\n    for x in v { yield x; }\n}\n";
    let lowered = lower_included_expression(expression, &options()).expect("an expression");
    check_invariants(expression, &lowered).unwrap();
    assert!(
        lowered.text.starts_with("// numbers\n::yieldc_rt::__gen!("),
        "{}",
        lowered.text
    );
    assert!(
        !lowered.text.contains("__yieldc_included"),
        "{}",
        lowered.text
    );
    assert!(lowered.diagnostics.is_empty(), "{:?}", lowered.diagnostics);
    // As items it is nightly's error at every `yield` (what `include!` of it used to give).
    assert!(!lower(expression, &options()).diagnostics.is_empty());
    // Diagnostics keep the file's offsets.
    let awaiting = "gen {\n    async {}.await;\n    yield 1;\n}\n";
    let lowered = lower_included_expression(awaiting, &options()).expect("an expression");
    let await_at = awaiting.find("await").unwrap();
    assert!(
        lowered
            .diagnostics
            .iter()
            .any(|diagnostic| diagnostic.primary.start == await_at),
        "{:?}",
        lowered.diagnostics
    );
    // With a byte-order mark.
    let marked = format!("\u{feff}{expression}");
    let lowered = lower_included_expression(&marked, &options()).expect("an expression");
    check_invariants(&marked, &lowered).unwrap();
    // Items, plain text and what is neither are not this function's.
    for source in [
        "gen fn f() -> u8 { yield 1; }\n",
        "fn main() {}\n",
        "gen { yield 1 } gen { yield 2 }\n",
        "gen {\n",
    ] {
        assert!(
            lower_included_expression(source, &options()).is_none(),
            "{source}"
        );
    }
}

#[test]
fn iter_closures_named_by_the_driver_become_fn_once() {
    use yieldc_lower::lower_included_expression;
    let source = "#![feature(iter_macro, yield_expr)]\nfn main() {\n    let mut n = 0;\n    let a = std::iter::iter!(|| { n += 1; yield n; });\n    let b = std::iter::iter!(|x: u8, y: u8| { yield x + y; });\n    let c = std::iter::iter!(move || { yield 1; });\n}\n";
    let head = |needle: &str| source.find(needle).unwrap();
    let with = |offsets: Vec<usize>| LowerOptions {
        fn_once_closures: offsets,
        ..options()
    };
    // Not named: no wrapper.
    let plain = lower(source, &options());
    assert!(!plain.text.contains("__once"), "{}", plain.text);
    // Any offset in the head (the closure's first byte to its body) names it; the arity picks
    // the wrapper.
    let a = head("|| { n");
    for offset in [a, a + 1] {
        let lowered = lower(source, &with(vec![offset]));
        check_invariants(source, &lowered).unwrap();
        assert!(
            lowered.text.contains("::yieldc_rt::__once0(||"),
            "{}",
            lowered.text
        );
        assert_eq!(
            lowered.text.matches("__once").count(),
            1,
            "{}",
            lowered.text
        );
        // The item path and the whole-file path agree.
        assert_eq!(
            lowered.text,
            yieldc_lower::lower_whole_file(source, &with(vec![offset])).text
        );
    }
    let b = lower(source, &with(vec![head("|x: u8, y: u8|") + 5]));
    assert!(
        b.text.contains("::yieldc_rt::__once2(|x: u8, y: u8|"),
        "{}",
        b.text
    );
    // An offset in the body names the closure too (the driver's offset of a capture's move,
    // from rustc's E0382 note), and so does one in a `move` closure.
    for (offset, wrapped) in [
        (head("n += 1"), "::yieldc_rt::__once0(||"),
        (head("move ||"), "::yieldc_rt::__once0(move ||"),
        (head("|| { yield 1"), "::yieldc_rt::__once0(move ||"),
    ] {
        let lowered = lower(source, &with(vec![offset]));
        check_invariants(source, &lowered).unwrap();
        assert!(lowered.text.contains(wrapped), "{offset}: {}", lowered.text);
        assert_eq!(
            lowered.text.matches("__once").count(),
            1,
            "{}",
            lowered.text
        );
    }
    // An offset in a nested `iter!` closure names the innermost one alone.
    let nested = "#![feature(iter_macro, yield_expr)]\nfn main() {\n    let s = String::new();\n    let a = std::iter::iter!(|| { let b = std::iter::iter!(move || { let t = s; yield t; }); yield 1; });\n}\n";
    let lowered = lower(nested, &with(vec![nested.find("let t").unwrap()]));
    check_invariants(nested, &lowered).unwrap();
    assert!(
        lowered.text.contains("::yieldc_rt::__once0(move ||"),
        "{}",
        lowered.text
    );
    // (The outer closure's check copy holds the inner closure again.)
    assert!(!lowered.text.contains("__once0(||"), "{}", lowered.text);
    // An offset outside every `iter!` closure names none.
    let lowered = lower(source, &with(vec![head("let mut n")]));
    assert!(!lowered.text.contains("__once"), "{}", lowered.text);
    // Offsets are the file's, with a byte-order mark and in an included expression too.
    let marked = format!("\u{feff}{source}");
    let lowered = lower(&marked, &with(vec![a + 3]));
    check_invariants(&marked, &lowered).unwrap();
    assert!(lowered.text.contains("__once0(||"), "{}", lowered.text);
    let expression = "std::iter::iter!(|| { n += 1; yield n; })\n";
    let lowered =
        lower_included_expression(expression, &with(vec![expression.find("||").unwrap()]))
            .expect("an expression");
    check_invariants(expression, &lowered).unwrap();
    assert!(
        lowered.text.starts_with("::yieldc_rt::__once0(||"),
        "{}",
        lowered.text
    );
}

#[test]
fn a_body_whose_check_copy_would_be_huge_is_boxed_without_one() {
    // Every `yield` assigns every local in scope in the copy: `n` pairs of `let` and `yield`
    // make about n²/2 assignments, whose borrow check grows faster still.
    let body = |pairs: usize| {
        let mut text = String::from("#![feature(gen_blocks)]\npub gen fn big() -> usize {\n");
        for i in 0..pairs {
            text.push_str(&format!(
                "    let x{i} = vec![{i}];\n    yield x{i}.len();\n"
            ));
        }
        text.push_str("}\n");
        text
    };
    let small = body(30);
    let lowered = lower(&small, &options());
    check_invariants(&small, &lowered).unwrap();
    assert!(
        lowered.text.contains("__gen!(__yieldc_co, inline"),
        "{}",
        lowered.text
    );
    assert!(lowered.text.contains("__Arm::Copy"));
    let large = body(70);
    let lowered = lower(&large, &options());
    check_invariants(&large, &lowered).unwrap();
    assert!(
        lowered.text.contains("__gen!(__yieldc_co, boxed"),
        "{}",
        lowered.text
    );
    assert!(!lowered.text.contains("__Arm::Copy"));
    assert!(lowered.text.len() < 2 * large.len() + 2_000);
}
