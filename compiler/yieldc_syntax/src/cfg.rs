//! `#![cfg_attr(PREDICATE, feature(..), ..)]`: the gates a crate root enables only under a
//! configuration predicate, read from the attribute's text.
//!
//! The active configuration is given as rustc's `--print cfg` lines (`unix`,
//! `target_os="linux"`, `feature="nightly"`). The predicate grammar is rustc's: `all(..)`,
//! `any(..)`, `not(..)`, `true`, `false`, `name` and `name = "value"`; anything else is false.

use std::ops::Range;

/// A `feature(..)` inside a `cfg_attr`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeatureMeta {
    /// `, feature(..)`: the comma before it and the meta (relative to the text given).
    pub with_comma: Range<usize>,
    /// Each gate name and its bytes.
    pub names: Vec<(String, Range<usize>)>,
}

/// What a `cfg_attr`'s token tree says about feature gates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CfgAttr {
    /// Whether the predicate holds in the active configuration.
    pub active: bool,
    /// Its `feature(..)` attributes.
    pub feature_metas: Vec<FeatureMeta>,
    /// Whether it carries attributes other than `feature(..)`.
    pub has_other_attributes: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Token<'a> {
    Ident(&'a str),
    Str(String),
    Open,
    Close,
    Comma,
    Eq,
    Other,
}

/// Splits `text` into tokens with their ranges (comments and whitespace skipped).
fn tokenize(text: &str) -> Vec<(Token<'_>, Range<usize>)> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let start = at;
        let byte = bytes[at];
        if byte.is_ascii_whitespace() {
            at += 1;
            continue;
        }
        if text[at..].starts_with("//") {
            at = text[at..].find('\n').map_or(bytes.len(), |end| at + end);
            continue;
        }
        if text[at..].starts_with("/*") {
            at = text[at + 2..]
                .find("*/")
                .map_or(bytes.len(), |end| at + 2 + end + 2);
            continue;
        }
        let token = if byte.is_ascii_alphabetic() || byte == b'_' {
            if text[at..].starts_with("r#") {
                at += 2;
            }
            let ident_start = at;
            while at < bytes.len() && (bytes[at].is_ascii_alphanumeric() || bytes[at] == b'_') {
                at += 1;
            }
            tokens.push((Token::Ident(&text[ident_start..at]), start..at));
            continue;
        } else if byte == b'"' {
            at += 1;
            let mut value = String::new();
            while at < bytes.len() && bytes[at] != b'"' {
                if bytes[at] == b'\\' && at + 1 < bytes.len() {
                    at += 1;
                }
                let Some(c) = text[at..].chars().next() else {
                    break;
                };
                value.push(c);
                at += c.len_utf8();
            }
            at = (at + 1).min(bytes.len());
            tokens.push((Token::Str(value), start..at));
            continue;
        } else {
            match byte {
                b'(' | b'[' | b'{' => Token::Open,
                b')' | b']' | b'}' => Token::Close,
                b',' => Token::Comma,
                b'=' => Token::Eq,
                _ => Token::Other,
            }
        };
        at += text[at..].chars().next().map_or(1, char::len_utf8);
        tokens.push((token, start..at));
    }
    tokens
}

/// Splits a token list at its top-level commas.
fn split_top_level<'t, 'a>(
    tokens: &'t [(Token<'a>, Range<usize>)],
) -> Vec<&'t [(Token<'a>, Range<usize>)]> {
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut from = 0;
    for (index, (token, _)) in tokens.iter().enumerate() {
        match token {
            Token::Open => depth += 1,
            Token::Close => depth = depth.saturating_sub(1),
            Token::Comma if depth == 0 => {
                parts.push(&tokens[from..index]);
                from = index + 1;
            }
            _ => {}
        }
    }
    parts.push(&tokens[from..]);
    parts
}

/// The tokens between the parentheses of `name(..)` when `tokens` is exactly that.
fn call_arguments<'t, 'a>(
    tokens: &'t [(Token<'a>, Range<usize>)],
) -> Option<(&'a str, &'t [(Token<'a>, Range<usize>)])> {
    match tokens {
        [
            (Token::Ident(name), _),
            (Token::Open, _),
            inner @ ..,
            (Token::Close, _),
        ] => Some((name, inner)),
        _ => None,
    }
}

fn evaluate(tokens: &[(Token<'_>, Range<usize>)], active: &[String]) -> bool {
    if let Some((name, inner)) = call_arguments(tokens) {
        let mut operands = split_top_level(inner);
        if operands.last().is_some_and(|last| last.is_empty()) {
            operands.pop(); // a trailing comma
        }
        return match name {
            "all" => operands.iter().all(|operand| evaluate(operand, active)),
            "any" => operands.iter().any(|operand| evaluate(operand, active)),
            "not" => operands.len() == 1 && !evaluate(operands[0], active),
            _ => false,
        };
    }
    match tokens {
        [(Token::Ident("true"), _)] => true,
        [(Token::Ident("false"), _)] => false,
        [(Token::Ident(name), _)] => active.iter().any(|cfg| cfg == name),
        [
            (Token::Ident(name), _),
            (Token::Eq, _),
            (Token::Str(value), _),
        ] => {
            let wanted = format!("{name}=\"{value}\"");
            active.contains(&wanted)
        }
        _ => false,
    }
}

/// Reads `inner`, the text between the parentheses of `cfg_attr(..)`. `None` when it has no
/// predicate followed by at least one attribute.
pub fn cfg_attr(inner: &str, active: &[String]) -> Option<CfgAttr> {
    let tokens = tokenize(inner);
    let parts = split_top_level(&tokens);
    let (predicate, attributes) = parts.split_first()?;
    if predicate.is_empty() || attributes.iter().all(|part| part.is_empty()) {
        return None;
    }
    let mut feature_metas = Vec::new();
    let mut has_other_attributes = false;
    let mut previous_end = predicate.last().map_or(0, |(_, range)| range.end);
    for part in attributes {
        let Some((first, last)) = part.first().zip(part.last()) else {
            continue;
        };
        // The comma before this part is the first non-blank byte after the previous part.
        let comma = inner[previous_end..first.1.start]
            .find(',')
            .map_or(first.1.start, |offset| previous_end + offset);
        previous_end = last.1.end;
        match call_arguments(part) {
            Some(("feature", inner_tokens)) => {
                let names = inner_tokens
                    .iter()
                    .filter_map(|(token, range)| match token {
                        Token::Ident(name) => Some(((*name).to_owned(), range.clone())),
                        _ => None,
                    })
                    .collect();
                feature_metas.push(FeatureMeta {
                    with_comma: comma..last.1.end,
                    names,
                });
            }
            _ => has_other_attributes = true,
        }
    }
    Some(CfgAttr {
        active: evaluate(predicate, active),
        feature_metas,
        has_other_attributes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn active() -> Vec<String> {
        ["unix", "target_os=\"linux\"", "feature=\"nightly\""]
            .map(String::from)
            .to_vec()
    }

    #[test]
    fn evaluates_predicates() {
        let holds = |text: &str| {
            cfg_attr(&format!("{text}, feature(x)"), &active())
                .unwrap()
                .active
        };
        assert!(holds("all()"));
        assert!(!holds("any()"));
        assert!(holds("unix"));
        assert!(!holds("windows"));
        assert!(holds("feature = \"nightly\""));
        assert!(!holds("feature = \"stable\""));
        assert!(holds("all(unix, target_os = \"linux\", not(windows),)"));
        assert!(holds("any(windows, feature=\"nightly\")"));
        assert!(!holds("not(unix)"));
        assert!(holds("true"));
        assert!(!holds("false"));
        assert!(!holds("unknown(unix)"));
        assert!(!holds("unix = "));
    }

    #[test]
    fn finds_feature_metas() {
        let text = "feature = \"nightly\", feature(gen_blocks, coroutines), allow(dead_code)";
        let found = cfg_attr(text, &active()).unwrap();
        assert!(found.active);
        assert!(found.has_other_attributes);
        assert_eq!(found.feature_metas.len(), 1);
        let meta = &found.feature_metas[0];
        assert_eq!(
            &text[meta.with_comma.clone()],
            ", feature(gen_blocks, coroutines)"
        );
        let names: Vec<_> = meta.names.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(names, ["gen_blocks", "coroutines"]);
        assert_eq!(&text[meta.names[1].1.clone()], "coroutines");
    }

    #[test]
    fn malformed_input_is_no_cfg_attr_and_never_panics() {
        assert_eq!(cfg_attr("", &active()), None);
        assert_eq!(cfg_attr("unix", &active()), None);
        assert_eq!(cfg_attr("unix,", &active()), None);
        for text in [
            "\"unterminated",
            "/* open",
            "((((",
            "))))",
            "é, feature(ü)",
            "r#",
            "\\",
        ] {
            let _ = cfg_attr(text, &active());
            let _ = cfg_attr(&format!("{text}, feature(a)"), &active());
        }
    }
}
