//! The cheap decision made before any copying: does this crate use coroutine syntax?
//!
//! Valid nightly code that uses any coroutine form enables a gate for it in the crate root
//! (`gen_blocks`, `coroutines`, …), so the root's `#![feature(..)]` list decides, read with a
//! byte scan. The word `yield` anywhere in the crate's own directory also counts (it is a
//! reserved word in every edition; ungated uses must get nightly's E0658, not stable's parse
//! errors), except in crates from the cargo registry, whose roots are trusted.

use std::path::Path;

/// The gates of the features yieldc implements.
pub const COROUTINE_GATES: &[&str] = &[
    "gen_blocks",
    "async_gen_blocks",
    "coroutines",
    "coroutine_trait",
    "coroutine_clone",
    "async_iterator",
    "async_for_loop",
    "iter_macro",
    "yield_expr",
    "iter_from_coroutine",
    "async_iter_from_iter",
];

/// The names inside every `#![feature(..)]` of `root_text`.
pub fn crate_features(root_text: &str) -> Vec<String> {
    let mut features = Vec::new();
    let bytes = root_text.as_bytes();
    let mut from = 0;
    while let Some(position) = root_text[from..].find("#![") {
        let start = from + position + 3;
        from = start;
        let rest = root_text[start..].trim_start();
        let Some(rest) = rest.strip_prefix("feature") else {
            continue;
        };
        let rest = rest.trim_start();
        let Some(rest) = rest.strip_prefix('(') else {
            continue;
        };
        let Some(close) = rest.find(')') else {
            continue;
        };
        for name in rest[..close].split(',') {
            let name = name.trim();
            if !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
                features.push(name.to_string());
            }
        }
    }
    let _ = bytes;
    features
}

/// Whether `text` contains `word` delimited by non-identifier characters on both sides.
pub fn contains_word(text: &str, word: &str) -> bool {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(position) = text[from..].find(word) {
        let at = from + position;
        let end = at + word.len();
        let before_ok = at == 0 || !is_ident_byte(bytes[at - 1]);
        let after_ok = end >= bytes.len() || !is_ident_byte(bytes[end]);
        if before_ok && after_ok {
            return true;
        }
        from = at + 1;
    }
    false
}

/// Whether the crate rooted at `root` (text `root_text`) uses coroutine syntax. `scan_dir` is
/// the directory whose `.rs` files belong to the crate (`None` to scan the root only).
pub fn crate_uses_coroutine_syntax(root_text: &str, scan_dir: Option<&Path>) -> bool {
    if crate_features(root_text)
        .iter()
        .any(|feature| COROUTINE_GATES.contains(&feature.as_str()))
    {
        return true;
    }
    if contains_word(root_text, "yield") {
        return true;
    }
    match scan_dir {
        Some(dir) => dir_mentions_yield(dir, 0),
        None => false,
    }
}

fn dir_mentions_yield(dir: &Path, depth: usize) -> bool {
    if depth > 8 {
        return false;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return false;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(file_type) = entry.file_type() else {
            continue;
        };
        if file_type.is_dir() {
            let name = entry.file_name();
            if name == "target" || name == ".git" {
                continue;
            }
            if dir_mentions_yield(&path, depth + 1) {
                return true;
            }
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            if let Ok(bytes) = std::fs::read(&path) {
                if contains_word(&String::from_utf8_lossy(&bytes), "yield") {
                    return true;
                }
            }
        }
    }
    false
}

fn is_ident_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_' || byte >= 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_feature_gates() {
        let text = "//! doc\n#![feature(gen_blocks, async_iterator)]\n#![ feature ( coroutines ) ]\nfn main() {}";
        assert_eq!(
            crate_features(text),
            ["gen_blocks", "async_iterator", "coroutines"]
        );
        assert!(crate_uses_coroutine_syntax(text, None));
        assert!(!crate_uses_coroutine_syntax(
            "#![feature(never_type)] fn f() { yield_now() }",
            None
        ));
        assert!(crate_uses_coroutine_syntax("fn f() { yield 1 }", None));
    }
}
