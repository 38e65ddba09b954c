//! Code blocks in doc comments (`///`, `//!`) are compiled by `rustdoc --test` as separate
//! crates, never by the driver's `rustc`: for doctests, the driver lowers them in the shadow.
//! (Only for `rustdoc --test`: `cargo doc` must show the documentation as written.)
//!
//! A block is lowered as its own crate root: its leading inner attributes stay at the top (so
//! that the gates yieldc implements are removed, like in a crate root), and a body without
//! `fn main` is wrapped in a function for the lowering only (rustdoc wraps it in `main` later):
//!
//! ```text
//! /// ```                                 /// ```
//! /// #![feature(gen_blocks)]              ///
//! /// let v: Vec<_> = gen { yield 1 }  ==> /// let v: Vec<_> = ::yieldc_rt::__gen!(..)
//! /// # .collect();                        /// # .collect();
//! /// ```                                  /// ```
//! ```
//! Every line keeps its doc prefix and its rustdoc "hidden" marker (`# `); the block keeps its
//! line count, so rustdoc's line numbers for the doctest stay right.

use crate::{Edition, LowerOptions, lower};

/// Lowers the Rust code blocks of the doc comments in `source` that use coroutine syntax.
/// `None` when nothing changed. Pure; never panics.
pub fn lower_doctests(source: &str, edition: Edition) -> Option<String> {
    let lines: Vec<&str> = source.split_inclusive('\n').collect();
    let mut out = String::with_capacity(source.len());
    let mut changed = false;
    let mut index = 0;
    while index < lines.len() {
        let Some(open) = DocLine::parse(lines[index]) else {
            out.push_str(lines[index]);
            index += 1;
            continue;
        };
        let Some(fence) = Fence::open(open.text) else {
            out.push_str(lines[index]);
            index += 1;
            continue;
        };
        // The block: doc lines of the same kind until the closing fence.
        let mut end = index + 1;
        let mut closed = false;
        while end < lines.len() {
            match DocLine::parse(lines[end]) {
                Some(line) if line.prefix_kind == open.prefix_kind => {
                    if fence.closes(line.text) {
                        closed = true;
                        break;
                    }
                    end += 1;
                }
                _ => break,
            }
        }
        let body: Vec<DocLine<'_>> = lines[index + 1..end]
            .iter()
            .filter_map(|line| DocLine::parse(line))
            .collect();
        out.push_str(lines[index]);
        let lowered = if fence.is_rust && closed {
            lower_block(&body, fence.edition.unwrap_or(edition))
        } else {
            None
        };
        match lowered {
            Some(block) => {
                changed = true;
                out.push_str(&block);
            }
            None => lines[index + 1..end]
                .iter()
                .for_each(|line| out.push_str(line)),
        }
        // The closing fence is copied too, so that it is never taken for an opening one.
        if closed {
            out.push_str(lines[end]);
            index = end + 1;
        } else {
            index = end;
        }
    }
    changed.then_some(out)
}

/// One `///` or `//!` line: what precedes the text (indentation, marker, one space) and the
/// text itself (without the line break).
struct DocLine<'a> {
    prefix: &'a str,
    prefix_kind: &'static str,
    text: &'a str,
    line_break: &'a str,
}

impl<'a> DocLine<'a> {
    fn parse(line: &'a str) -> Option<DocLine<'a>> {
        let (content, line_break) = match line.strip_suffix("\r\n") {
            Some(content) => (content, "\r\n"),
            None => match line.strip_suffix('\n') {
                Some(content) => (content, "\n"),
                None => (line, ""),
            },
        };
        let indent = content.len() - content.trim_start().len();
        let rest = &content[indent..];
        let (kind, after) = if let Some(after) = rest.strip_prefix("///") {
            if after.starts_with('/') {
                return None; // `////` is an ordinary comment
            }
            ("///", after)
        } else if let Some(after) = rest.strip_prefix("//!") {
            ("//!", after)
        } else {
            return None;
        };
        let space = usize::from(after.starts_with(' '));
        let prefix_len = indent + 3 + space;
        Some(DocLine {
            prefix: &content[..prefix_len],
            prefix_kind: kind,
            text: &content[prefix_len..],
            line_break,
        })
    }
}

/// An opening code fence and what its info string says.
struct Fence {
    marker: char,
    length: usize,
    is_rust: bool,
    edition: Option<Edition>,
}

impl Fence {
    fn open(text: &str) -> Option<Fence> {
        let trimmed = text.trim_start();
        let marker = trimmed.chars().next().filter(|c| *c == '`' || *c == '~')?;
        let length = trimmed.chars().take_while(|c| *c == marker).count();
        if length < 3 {
            return None;
        }
        let info = trimmed[length..].trim();
        let mut is_rust = true;
        let mut edition = None;
        for word in info
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|w| !w.is_empty())
        {
            match word {
                "rust" | "should_panic" | "no_run" | "compile_fail" | "test_harness" => {}
                "ignore" => is_rust = false,
                "edition2015" => edition = Some(Edition::E2015),
                "edition2018" => edition = Some(Edition::E2018),
                "edition2021" => edition = Some(Edition::E2021),
                "edition2024" => edition = Some(Edition::E2024),
                word if word.starts_with('E') && word[1..].bytes().all(|b| b.is_ascii_digit()) => {}
                word if word.starts_with("ignore-") => {}
                _ => is_rust = false,
            }
        }
        Some(Fence {
            marker,
            length,
            is_rust,
            edition,
        })
    }

    fn closes(&self, text: &str) -> bool {
        let trimmed = text.trim();
        trimmed.len() >= self.length && trimmed.chars().all(|c| c == self.marker)
    }
}

/// Lowers one block's lines; `None` when it has no coroutine syntax or would not lower cleanly.
fn lower_block(body: &[DocLine<'_>], edition: Edition) -> Option<String> {
    // rustdoc's hidden lines: `# code` or a lone `#` (but not `#!`, `#[`, or the escape `##`).
    let mut hidden = Vec::with_capacity(body.len());
    let mut code = Vec::with_capacity(body.len());
    for line in body {
        let text = line.text;
        if text == "#" {
            hidden.push(true);
            code.push("");
        } else if let Some(rest) = text.strip_prefix("# ") {
            hidden.push(true);
            code.push(rest);
        } else {
            hidden.push(false);
            code.push(text);
        }
    }
    let joined = code.join("\n");
    if !yieldc_syntax::might_use_coroutine_syntax(&joined) {
        return None;
    }
    // Leading inner attributes (and blank lines) stay at the crate top; the rest is wrapped.
    let attributes = code
        .iter()
        .take_while(|line| line.trim().is_empty() || line.trim_start().starts_with("#!["))
        .count();
    let needs_main = !joined.contains("fn main");
    const OPEN: &str = "fn __doctest_wrapped_by_yieldc() { ";
    let mut wrapped = String::new();
    for (i, line) in code.iter().enumerate() {
        if needs_main && i == attributes {
            wrapped.push_str(OPEN);
        }
        wrapped.push_str(line);
        if i + 1 < code.len() {
            wrapped.push('\n');
        }
    }
    if needs_main {
        if attributes == code.len() {
            return None; // only attributes: nothing to lower
        }
        wrapped.push_str(" }");
    }
    let options = LowerOptions {
        edition,
        is_crate_root: true,
        ..Default::default()
    };
    let lowered = lower(&wrapped, &options);
    if lowered
        .diagnostics
        .iter()
        .any(|d| d.level == crate::Level::Error)
    {
        return None; // let rustdoc report it on the code as written
    }
    let mut lowered_lines: Vec<String> = lowered.text.split('\n').map(str::to_string).collect();
    if lowered_lines.len() != code.len() {
        return None;
    }
    if needs_main {
        let first = &mut lowered_lines[attributes];
        *first = first.strip_prefix(OPEN)?.to_string();
        let last = lowered_lines.last_mut()?;
        *last = last.strip_suffix(" }")?.to_string();
    }
    keep_standalone(&code[..attributes], &mut lowered_lines[..attributes]);
    let mut out = String::new();
    for ((line, lowered), hidden) in body.iter().zip(&lowered_lines).zip(&hidden) {
        out.push_str(line.prefix);
        if *hidden {
            out.push_str("# ");
        }
        out.push_str(lowered);
        out.push_str(line.line_break);
    }
    Some(out)
}

/// rustdoc (edition 2024) merges doctests into one binary unless one has a crate attribute
/// other than a lint level; a gated doctest (`#![feature(gen_blocks)]`) is thus standalone on
/// nightly. When removing the gates left no such attribute, the line of the first removed one
/// gets `#![recursion_limit = "128"]` (rustc's default: it changes nothing else), so the
/// doctest stays standalone, as on nightly.
fn keep_standalone(original: &[&str], lowered: &mut [String]) {
    fn is_crate_attribute(line: &str) -> bool {
        let line = line.trim_start();
        line.starts_with("#![")
            && !["allow", "warn", "deny", "forbid", "expect"]
                .iter()
                .any(|lint| line["#![".len()..].trim_start().starts_with(lint))
    }
    if lowered.iter().any(|line| is_crate_attribute(line)) {
        return;
    }
    let emptied = original
        .iter()
        .zip(lowered.iter())
        .position(|(before, after)| is_crate_attribute(before) && after.trim().is_empty());
    if let Some(index) = emptied {
        lowered[index] = "#![recursion_limit = \"128\"]".to_string();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowers_rust_blocks_only_and_keeps_lines() {
        let source = "/// Counts.\n///\n/// ```\n/// #![feature(gen_blocks)]\n/// let v: Vec<u8> = gen { yield 1; }\n/// # .collect();\n/// assert_eq!(v, [1]);\n/// ```\n///\n/// ```text\n/// gen { yield 1 }\n/// ```\nfn f() {}\n";
        let lowered = lower_doctests(source, Edition::E2024).expect("changed");
        assert_eq!(lowered.lines().count(), source.lines().count());
        assert!(lowered.contains("::yieldc_rt::__gen!"), "{lowered}");
        assert!(lowered.contains("/// # .collect();"), "{lowered}");
        assert!(!lowered.contains("#![feature(gen_blocks)]"), "{lowered}");
        // Still standalone for rustdoc's merging, as with nightly's gate.
        assert!(
            lowered.contains("/// ```\n/// #![recursion_limit = \"128\"]\n"),
            "{lowered}"
        );
        assert!(
            lowered.contains("/// ```text\n/// gen { yield 1 }\n/// ```"),
            "{lowered}"
        );
        assert!(lowered.ends_with("fn f() {}\n"));
    }

    #[test]
    fn blocks_without_the_syntax_and_ignored_ones_are_untouched() {
        let plain = "/// ```\n/// let x = 1;\n/// ```\nfn f() {}\n";
        assert_eq!(lower_doctests(plain, Edition::E2024), None);
        let ignored = "//! ```ignore\n//! gen { yield 1 };\n//! ```\n";
        assert_eq!(lower_doctests(ignored, Edition::E2024), None);
        assert_eq!(
            lower_doctests("//// ```\n//// gen {}\n", Edition::E2024),
            None
        );
    }

    #[test]
    fn consecutive_blocks_pair_their_fences() {
        let source = "/// ```\n/// let a = 1;\n/// ```\n///\n/// ```should_panic\n/// #![feature(gen_blocks)]\n/// let mut g = gen { yield 1; panic!(\"x\") };\n/// g.next();\n/// ```\nfn f() {}\n";
        let lowered = lower_doctests(source, Edition::E2024).expect("the second block is lowered");
        assert!(lowered.contains("/// let a = 1;\n/// ```\n///\n/// ```should_panic\n/// #![recursion_limit = \"128\"]\n/// let mut g = ::yieldc_rt::__gen!"), "{lowered}");
    }

    #[test]
    fn never_panics_on_odd_input() {
        for source in [
            "/// ```",
            "/// ```\n/// gen {",
            "//! ~~~\n//! yield\n//! ~~~",
            "///```rust,E0626\n///#\n///```",
        ] {
            let _ = lower_doctests(source, Edition::E2024);
        }
    }
}
