//! The cheap decision made before any copying: does this crate use coroutine syntax?
//!
//! Valid nightly code that uses any coroutine form enables a gate for it in the crate root
//! (`gen_blocks`, `coroutines`, …), so the root's `#![feature(..)]` list decides, read with a
//! byte scan. Ungated coroutine syntax needs no lowering: stable rustc parses it and reports
//! the same E0658 gate errors as nightly (checked on 1.95 against nightly 2026-05-19 with
//! `gen {}`, `yield` in a closure and in a `gen` block). The word `yield` in the root also
//! counts, so that the front end's own diagnostics see the file.

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

/// The gates of `root_text`'s inner `#![cfg_attr(PREDICATE, feature(..))]` attributes whose
/// predicate holds in `active_cfgs` (rustc's `--print cfg` lines).
pub fn cfg_attr_features(root_text: &str, active_cfgs: &[String]) -> Vec<String> {
    let mut features = Vec::new();
    let mut from = 0;
    while let Some(position) = root_text[from..].find("#![") {
        let start = from + position + 3;
        from = start;
        let rest = root_text[start..].trim_start();
        let Some(rest) = rest.strip_prefix("cfg_attr") else {
            continue;
        };
        let Some(rest) = rest.trim_start().strip_prefix('(') else {
            continue;
        };
        // The matching `)`, outside string literals.
        let mut depth = 1usize;
        let mut in_string = false;
        let mut escaped = false;
        let mut close = None;
        for (offset, c) in rest.char_indices() {
            match c {
                _ if escaped => escaped = false,
                '\\' if in_string => escaped = true,
                '"' => in_string = !in_string,
                '(' if !in_string => depth += 1,
                ')' if !in_string => {
                    depth -= 1;
                    if depth == 0 {
                        close = Some(offset);
                        break;
                    }
                }
                _ => {}
            }
        }
        let Some(close) = close else {
            continue;
        };
        if let Some(found) = yieldc_lower::cfg::cfg_attr(&rest[..close], active_cfgs) {
            if found.active {
                for meta in found.feature_metas {
                    features.extend(meta.names.into_iter().map(|(name, _)| name));
                }
            }
        }
    }
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

/// Whether the crate whose root has the text `root_text` and the gates `features` uses
/// coroutine syntax.
pub fn crate_uses_coroutine_syntax(root_text: &str, features: &[String]) -> bool {
    features
        .iter()
        .any(|feature| COROUTINE_GATES.contains(&feature.as_str()))
        || contains_word(root_text, "yield")
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
        assert!(crate_uses_coroutine_syntax(text, &crate_features(text)));
        assert!(!crate_uses_coroutine_syntax(
            "#![feature(never_type)] fn f() { yield_now() }",
            &["never_type".to_string()]
        ));
        assert!(crate_uses_coroutine_syntax("fn f() { yield 1 }", &[]));
    }

    #[test]
    fn reads_active_cfg_attr_gates() {
        let text = "#![cfg_attr(feature = \"nightly\", feature(gen_blocks), allow(x))]\n\
                    #![cfg_attr(windows, feature(coroutines))]\n\
                    #![cfg_attr(all(), feature(iter_macro, async_iterator))]\n\
                    #![cfg_attr(any(unix, \")\"), feature(never_type))]\n\
                    #![cfg_attr(unix, feature(broken]\nfn main() {}";
        let active = ["unix".to_string(), "feature=\"nightly\"".to_string()];
        assert_eq!(
            cfg_attr_features(text, &active),
            ["gen_blocks", "iter_macro", "async_iterator", "never_type"]
        );
    }
}
