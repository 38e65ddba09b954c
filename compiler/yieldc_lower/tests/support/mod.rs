//! Shared by the invariant tests and `examples/fuzz.rs`: the sample programs, the structural
//! invariants of a lowering, and seeded input generators (token soup, random bytes, mutations of
//! real programs).
#![allow(dead_code)]

use yieldc_lower::{Edition, LowerOptions, Lowered};

pub fn programs() -> Vec<(String, String)> {
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

pub fn options() -> LowerOptions {
    LowerOptions {
        edition: Edition::E2024,
        is_crate_root: true,
        ..Default::default()
    }
}

pub fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

/// Checks the structural invariants; returns a description of the first violation.
pub fn check_invariants(source: &str, lowered: &Lowered) -> Result<(), String> {
    let text = &lowered.text;
    if text.matches('\n').count() != source.matches('\n').count() {
        return Err(format!(
            "line count {} != {}",
            text.matches('\n').count(),
            source.matches('\n').count()
        ));
    }
    // Original bytes copied onto their own line. A copy elsewhere is allowed only as a
    // duplicate of such bytes (a check copy, the parameter names a `gen fn` prologue rebinds):
    // every original token must stay on its line, a second copy of it may sit elsewhere.
    let mut in_place = vec![false; source.len()];
    for entry in lowered.source_map.entries() {
        if entry.kind.is_none()
            && entry.original.end <= source.len()
            && entry.lowered.end <= text.len()
            && line_of(text, entry.lowered.start) == line_of(source, entry.original.start)
        {
            in_place[entry.original.clone()]
                .iter_mut()
                .for_each(|b| *b = true);
        }
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
                && !in_place[entry.original.clone()].iter().all(|&b| b)
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

/// xorshift64*: a small seeded generator, so failures are reproducible from the seed.
pub struct Random(pub u64);

impl Random {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, bound: usize) -> usize {
        if bound == 0 {
            0
        } else {
            (self.next() % bound as u64) as usize
        }
    }
}

pub const FRAGMENTS: &[&str] = &[
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

/// A random sequence of coroutine-ish fragments.
pub fn token_soup(random: &mut Random) -> String {
    let mut source = String::new();
    for _ in 0..random.below(60) {
        source.push_str(FRAGMENTS[random.below(FRAGMENTS.len())]);
        if random.below(3) == 0 {
            source.push(' ');
        }
    }
    source
}

/// Random ASCII bytes.
pub fn random_bytes(random: &mut Random) -> String {
    let bytes: Vec<u8> = (0..random.below(200))
        .map(|_| (random.next() & 0x7F) as u8)
        .collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// One to four random edits of `original`: deletions, fragment insertions, duplications.
pub fn mutate(original: &str, random: &mut Random) -> String {
    let mut source = original.to_owned();
    for _ in 0..1 + random.below(4) {
        let boundaries: Vec<usize> = (0..=source.len())
            .filter(|&i| source.is_char_boundary(i))
            .collect();
        let a = boundaries[random.below(boundaries.len())];
        let b = boundaries[random.below(boundaries.len())];
        let (start, end) = (a.min(b), a.max(b));
        match random.below(3) {
            0 => source.replace_range(start..floor_boundary(&source, end.min(start + 40)), ""),
            1 => source.insert_str(start, FRAGMENTS[random.below(FRAGMENTS.len())]),
            _ => {
                let copy = source[start..floor_boundary(&source, end.min(start + 80))].to_owned();
                source.insert_str(end, &copy);
            }
        }
    }
    source
}

/// The largest char boundary of `text` at or below `index`.
fn floor_boundary(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// Every file under `dir` (recursively, sorted, `target/` skipped) ending in `.extension`.
pub fn files_under(dir: &std::path::Path, extension: &str, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<std::path::PathBuf> =
        entries.flatten().map(|entry| entry.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            if path.file_name().is_some_and(|name| name == "target") {
                continue;
            }
            files_under(&path, extension, out);
        } else if path.extension().is_some_and(|ext| ext == extension) {
            out.push(path);
        }
    }
}

/// Coroutine syntax put into a real file: gen fns after top-level items and after methods,
/// keywords in place of some identifiers, a gate at the top.
pub fn inject(source: &str, random: &mut Random) -> String {
    let mut out = String::with_capacity(source.len() + 512);
    if random.below(2) == 0 {
        out.push_str("#![feature(gen_blocks, async_iterator)]\n");
    }
    for (number, line) in source.split_inclusive('\n').enumerate() {
        let mut line = line.to_owned();
        if random.below(40) == 0 {
            // A keyword in place of an identifier-looking word.
            let keyword = ["gen", "yield", "iter!", "Coroutine", "for await"][random.below(5)];
            if let Some(at) = line.find("let ") {
                line.insert_str(at + 4, &format!("{keyword} "));
            }
        }
        out.push_str(&line);
        let trimmed = line.trim_end();
        if trimmed == "}" && random.below(3) == 0 {
            out.push_str(&format!(
                "\ngen fn injected_{number}(limit: u32) -> u32 {{\n    let mut total = 0;\n    for i in 0..limit {{\n        total += i;\n        yield total;\n    }}\n}}\n"
            ));
        } else if trimmed == "    }" && random.below(3) == 0 {
            out.push_str(&format!(
                "    gen fn injected_method_{number}(&self) -> usize {{ let v = [1, 2]; for x in v {{ yield x; }} }}\n"
            ));
        }
    }
    out
}

/// Real files, read from cargo's registry (`~/.cargo/registry/src`), at most `limit` bytes.
pub fn registry_files(limit: usize) -> Vec<(std::path::PathBuf, String)> {
    let registry = std::env::var_os("CARGO_HOME")
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| std::path::Path::new(&home).join(".cargo")))
        .map(|home| home.join("registry/src"));
    let mut paths = Vec::new();
    if let Some(registry) = registry {
        files_under(&registry, "rs", &mut paths);
    }
    let mut files = Vec::new();
    let mut total = 0;
    // Every 7th file, for variety across crates.
    for path in paths.into_iter().step_by(7) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        if text.len() > 200_000 {
            continue;
        }
        total += text.len();
        if total > limit {
            break;
        }
        files.push((path, text));
    }
    files
}

/// A file that uses the syntax, as the benchmark's corpus has them: `real` with the
/// `gen_blocks` gate at the top, a `gen fn` after up to two top-level items and a `gen fn`
/// method after one method (lines `}`, and `    }` followed by another item of an `impl`,
/// `trait` or `mod` block), chosen by `random`. Valid syntax whenever
/// `real` is.
pub fn inject_gen_fns(real: &str, random: &mut Random) -> String {
    let lines: Vec<&str> = real.split_inclusive('\n').collect();
    let top_level: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].trim_end() == "}")
        .collect();
    // A method's closing brace: the next non-blank line starts another item of the block.
    let starts_nested_item = |line: &str| {
        [
            "    fn ",
            "    pub ",
            "    #[",
            "    ///",
            "    const ",
            "    async ",
            "    unsafe ",
        ]
        .iter()
        .any(|prefix| line.starts_with(prefix))
    };
    // ... of an `impl`, `trait` or `mod` block (the last unindented line before it opens one).
    let in_block_of_items = |site: usize| {
        lines[..site]
            .iter()
            .rev()
            .find(|line| {
                !line.starts_with([' ', '\t', '\n', '\r', '}', '#', '/']) && !line.is_empty()
            })
            .is_some_and(|line| {
                let line = line
                    .trim_start_matches("pub ")
                    .trim_start_matches("unsafe ");
                ["impl", "trait ", "mod "]
                    .iter()
                    .any(|keyword| line.starts_with(keyword))
            })
    };
    let nested: Vec<usize> = (0..lines.len())
        .filter(|&i| {
            lines[i].trim_end() == "    }"
                && in_block_of_items(i)
                && lines[i + 1..]
                    .iter()
                    .find(|line| !line.trim().is_empty())
                    .is_some_and(|line| starts_nested_item(line))
        })
        .collect();
    let mut sites = Vec::new();
    for _ in 0..2 {
        if !top_level.is_empty() {
            sites.push((top_level[random.below(top_level.len())], false));
        }
    }
    if !nested.is_empty() {
        sites.push((nested[random.below(nested.len())], true));
    }
    let mut out = String::with_capacity(real.len() + 600);
    out.push_str("#![feature(gen_blocks)]\n");
    for (number, line) in lines.iter().enumerate() {
        out.push_str(line);
        if !line.ends_with('\n') {
            out.push('\n');
        }
        for &(site, is_method) in &sites {
            if site != number {
                continue;
            }
            if is_method {
                out.push_str(&format!(
                    "    gen fn injected_method_{number}(&self, limit: usize) -> usize {{\n        for i in 0..limit {{\n            yield i;\n        }}\n    }}\n"
                ));
            } else {
                out.push_str(&format!(
                    "\ngen fn injected_{number}(items: Vec<u32>) -> u32 {{\n    let mut total = 0;\n    for item in items {{\n        total += item;\n        yield total;\n    }}\n}}\n"
                ));
            }
            break;
        }
    }
    out
}
