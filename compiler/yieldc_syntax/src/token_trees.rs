//! The lexical check made before any parsing: does the file form token trees, and how deep?
//!
//! rustc lexes a file into token trees before it parses anything, and an unterminated literal
//! or block comment, or delimiters that do not pair up, end the file's compilation right there
//! with rustc's own error. yieldc must not lower such a file: any edit would only change the
//! error rustc prints (a lowered `gen { yield [1, 2); }` is reported twice over, at the wrong
//! delimiter), so the driver hands it to rustc as written, which then prints what nightly
//! prints.
//!
//! The depth matters because the parser, the lowering and the dropping of a syntax tree recurse
//! once per nesting level (`ra_ap_syntax` drops trees on a thread of its own with the default
//! 2 MiB stack: an unoptimized build overflows it at about 2000 nested `if`s). rustc itself
//! overflows its stack near [`MAX_NESTING`] (nightly 2026-05 with its default stack: 800 nested
//! blocks, 1200 nested parentheses fail; 700 and 1000 compile), so no program nightly compiles
//! with its default stack goes much deeper; above the limit the front end stops rather than
//! crash.
//!
//! Only the lexer runs here (`ra_ap_parser::LexedStr`, no recursion): one pass over the tokens.

use ra_ap_parser::{LexedStr, SyntaxKind};

use crate::{Edition, Span};

/// The deepest delimiter nesting the front end parses.
pub const MAX_NESTING: usize = 1024;

/// What [`check_token_trees`] found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenTrees {
    /// Every literal and comment is terminated, every delimiter pairs up, nesting is at most
    /// [`MAX_NESTING`].
    WellFormed,
    /// rustc's lexer rejects the file: an unterminated literal or block comment, or delimiters
    /// that do not pair up. The span is the first offending token.
    Malformed(Span),
    /// Well formed as far as checked, but nested deeper than [`MAX_NESTING`]; the span is the
    /// opening delimiter that went past the limit.
    TooDeep(Span),
}

/// Checks that `source` forms token trees rustc would accept, and is not nested too deep.
pub fn check_token_trees(source: &str, edition: Edition) -> TokenTrees {
    let lexed = LexedStr::new(edition.to_ra(), source);
    let mut open: Vec<SyntaxKind> = Vec::new();
    for index in 0..lexed.len() {
        let kind = lexed.kind(index);
        let span = || {
            let range = lexed.text_range(index);
            Span::new(range.start, range.end)
        };
        if lexed
            .error(index)
            .is_some_and(|message| message.starts_with("Missing trailing"))
        {
            // Unterminated string, char, byte or raw literal, or block comment.
            return TokenTrees::Malformed(span());
        }
        match kind {
            SyntaxKind::L_PAREN | SyntaxKind::L_BRACK | SyntaxKind::L_CURLY => {
                open.push(kind);
                if open.len() > MAX_NESTING {
                    return TokenTrees::TooDeep(span());
                }
            }
            SyntaxKind::R_PAREN | SyntaxKind::R_BRACK | SyntaxKind::R_CURLY => {
                let expected = match kind {
                    SyntaxKind::R_PAREN => SyntaxKind::L_PAREN,
                    SyntaxKind::R_BRACK => SyntaxKind::L_BRACK,
                    _ => SyntaxKind::L_CURLY,
                };
                if open.pop() != Some(expected) {
                    return TokenTrees::Malformed(span());
                }
            }
            _ => {}
        }
    }
    if open.is_empty() {
        TokenTrees::WellFormed
    } else {
        TokenTrees::Malformed(Span::new(source.len(), source.len()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(source: &str) -> TokenTrees {
        check_token_trees(source, Edition::E2024)
    }

    #[test]
    fn well_formed_files() {
        for source in [
            "",
            "fn main() { let v = [(1, 2)]; }",
            "fn f() { let s = \"}\"; let c = '{'; let r = r#\")\"#; /* ( /* nested */ */ }",
            "// ) unbalanced in a comment\nfn f() {}",
            "fn f<'a>(x: &'a str) -> &'a str { x }",
        ] {
            assert_eq!(check(source), TokenTrees::WellFormed, "{source}");
        }
    }

    #[test]
    fn malformed_files() {
        for (source, at) in [
            ("fn f() { gen { yield (1", 23),
            ("fn f() { yield [1, 2); }", 20),
            ("fn f() {} }", 10),
            ("fn f() { let s = \"abc; }", 17),
            ("fn f() { let s = b\"abc; }", 17),
            // The lexer reports no error here; the raw string runs to the end, unclosed `{`.
            ("fn f() { let s = r#\"abc\"; }", 27),
            ("/* fn f() {}", 0),
            ("/* /* */ fn f() {}", 0),
            ("fn f() { let c = '", 17),
        ] {
            match check(source) {
                TokenTrees::Malformed(span) => assert_eq!(span.start, at, "{source}"),
                other => panic!("{source}: {other:?}"),
            }
        }
    }

    #[test]
    fn nesting_beyond_the_limit_is_too_deep() {
        let nested =
            |depth: usize| format!("fn f() -> u32 {}1{} ", "{".repeat(depth), "}".repeat(depth));
        assert_eq!(check(&nested(MAX_NESTING)), TokenTrees::WellFormed);
        let source = nested(MAX_NESTING + 1);
        let at = source.find('{').unwrap() + MAX_NESTING;
        assert_eq!(check(&source), TokenTrees::TooDeep(Span::new(at, at + 1)));
    }
}
