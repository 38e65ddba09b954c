//! The lowering's invariants, on every end-to-end program and on random and mutated inputs:
//! line count preserved, every kept original token on its original line, the source map covers
//! every lowered byte, files without coroutine syntax are returned unchanged, lowering is
//! deterministic and idempotent, and nothing panics.

use yieldc_lower::{Edition, LowerOptions, Lowered, lower};

fn programs() -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs");
    let mut programs: Vec<(String, String)> = std::fs::read_dir(dir)
        .expect("programs")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "rs"))
        .map(|path| {
            (
                path.display().to_string(),
                std::fs::read_to_string(&path).expect("read"),
            )
        })
        .collect();
    programs.sort();
    programs
}

fn options() -> LowerOptions {
    LowerOptions {
        edition: Edition::E2024,
        is_crate_root: true,
        ..Default::default()
    }
}

fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

/// Checks the structural invariants; returns a description of the first violation.
fn check_invariants(source: &str, lowered: &Lowered) -> Result<(), String> {
    let text = &lowered.text;
    if text.matches('\n').count() != source.matches('\n').count() {
        return Err(format!(
            "line count {} != {}",
            text.matches('\n').count(),
            source.matches('\n').count()
        ));
    }
    let mut covered = 0;
    for entry in lowered.source_map.entries() {
        if entry.lowered.start != covered {
            return Err(format!(
                "source map gap or overlap at lowered byte {covered}: {entry:?}"
            ));
        }
        covered = entry.lowered.end;
        if entry.original.end > source.len() || entry.original.start > entry.original.end {
            return Err(format!("source map entry outside the original: {entry:?}"));
        }
        if entry.kind.is_none() {
            if text.get(entry.lowered.clone()) != source.get(entry.original.clone()) {
                return Err(format!(
                    "verbatim entry differs from the original: {entry:?}"
                ));
            }
            if !entry.in_check_copy
                && line_of(text, entry.lowered.start) != line_of(source, entry.original.start)
            {
                return Err(format!(
                    "original text moved from line {} to line {}: {:?}",
                    line_of(source, entry.original.start) + 1,
                    line_of(text, entry.lowered.start) + 1,
                    &source[entry.original.clone()]
                ));
            }
        } else if text[entry.lowered.clone()].contains('\n') && &text[entry.lowered.clone()] != "\n"
        {
            return Err(format!("generated text contains a line break: {entry:?}"));
        }
    }
    if covered != text.len() {
        return Err(format!(
            "source map covers {covered} of {} lowered bytes",
            text.len()
        ));
    }
    Ok(())
}

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

/// xorshift64*: a small seeded generator, so failures are reproducible from the seed.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, bound: usize) -> usize {
        if bound == 0 {
            0
        } else {
            (self.next() % bound as u64) as usize
        }
    }
}

const FRAGMENTS: &[&str] = &[
    "gen",
    "gen move",
    "async gen",
    "yield",
    ".yield",
    "for await",
    "#[coroutine]",
    "static",
    "move",
    "|x|",
    "||",
    "{",
    "}",
    "(",
    ")",
    "[",
    "]",
    ";",
    ",",
    "iter!(",
    "fn",
    "let",
    "mut",
    "ref",
    "=",
    "&",
    "match",
    "=>",
    "if let",
    "while",
    "loop",
    "\n",
    " ",
    "'a:",
    "\"",
    "//",
    "/*",
    "*/",
    "r#\"",
    "é",
    "std::ops::Coroutine",
    "use std::ops::{Coroutine, Add};",
    "#![feature(gen_blocks)]",
    "println!(",
    "x",
    "0",
    ".await",
    "async",
    "impl",
    "trait",
    "-> u8",
    "::",
    "<",
    ">",
    "@",
    "..",
    "?",
];

fn check_no_panic(source: &str, seed: u64) {
    let result = std::panic::catch_unwind(|| {
        let lowered = lower(source, &options());
        check_invariants(source, &lowered)
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
        let mut source = String::new();
        for _ in 0..random.below(60) {
            source.push_str(FRAGMENTS[random.below(FRAGMENTS.len())]);
            if random.below(3) == 0 {
                source.push(' ');
            }
        }
        check_no_panic(&source, seed);
    }
}

#[test]
fn random_bytes_never_panic() {
    for seed in 1..=500u64 {
        let mut random = Random(seed.wrapping_mul(0x2545_F491_4F6C_DD1D) | 1);
        let bytes: Vec<u8> = (0..random.below(200))
            .map(|_| (random.next() & 0x7F) as u8)
            .collect();
        let source = String::from_utf8_lossy(&bytes).into_owned();
        check_no_panic(&source, seed);
    }
}

#[test]
fn mutated_programs_never_panic() {
    let programs = programs();
    for seed in 1..=600u64 {
        let mut random = Random(seed.wrapping_mul(0xD6E8_FEB8_6659_FD93) | 1);
        let (_, original) = &programs[random.below(programs.len())];
        let mut source = original.clone();
        for _ in 0..1 + random.below(4) {
            let boundaries: Vec<usize> = (0..=source.len())
                .filter(|&i| source.is_char_boundary(i))
                .collect();
            let a = boundaries[random.below(boundaries.len())];
            let b = boundaries[random.below(boundaries.len())];
            let (start, end) = (a.min(b), a.max(b));
            match random.below(3) {
                0 => source.replace_range(start..end.min(start + 40), ""),
                1 => source.insert_str(start, FRAGMENTS[random.below(FRAGMENTS.len())]),
                _ => {
                    let copy = source[start..end.min(start + 80)].to_owned();
                    source.insert_str(end, &copy);
                }
            }
        }
        check_no_panic(&source, seed);
    }
}
