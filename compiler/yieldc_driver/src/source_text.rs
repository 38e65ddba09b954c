//! Positions in an original source text: lines, columns, and the small amount of token
//! structure the diagnostics need (the extent of a `yield` expression, of a `gen` body).

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

thread_local! {
    /// Line starts of the texts registered by [`index_lines`], by the text's address and
    /// length.
    static LINE_STARTS: RefCell<HashMap<(usize, usize), Option<Rc<Vec<usize>>>>> =
        RefCell::new(HashMap::new());
}

/// While the returned guard lives, [`line_column`] and [`line_range`] find the lines of these
/// texts by binary search instead of a scan from the start (a diagnostic asks for positions many
/// times: with a scan, a thousand warnings in a 100 KB file took seconds). A text's lines are
/// indexed when first asked about (a build without diagnostics pays nothing). The texts must
/// outlive the guard (it holds their borrow) and not change.
pub fn index_lines<'a>(texts: impl IntoIterator<Item = &'a str>) -> LineIndexGuard<'a> {
    let mut keys = Vec::new();
    LINE_STARTS.with(|starts| {
        let mut starts = starts.borrow_mut();
        for text in texts {
            let key = (text.as_ptr() as usize, text.len());
            if !starts.contains_key(&key) {
                starts.insert(key, None);
                keys.push(key);
            }
        }
    });
    LineIndexGuard {
        keys,
        _texts: std::marker::PhantomData,
    }
}

/// Unregisters the texts of [`index_lines`] when dropped.
pub struct LineIndexGuard<'a> {
    keys: Vec<(usize, usize)>,
    _texts: std::marker::PhantomData<&'a str>,
}

impl Drop for LineIndexGuard<'_> {
    fn drop(&mut self) {
        LINE_STARTS.with(|starts| {
            let mut starts = starts.borrow_mut();
            for key in &self.keys {
                starts.remove(key);
            }
        });
    }
}

/// The line starts of `text`, if it is registered (indexed on the first call).
fn line_starts(text: &str) -> Option<Rc<Vec<usize>>> {
    LINE_STARTS.with(|starts| {
        let mut starts = starts.borrow_mut();
        let entry = starts.get_mut(&(text.as_ptr() as usize, text.len()))?;
        let lines = entry.get_or_insert_with(|| {
            let mut lines = vec![0];
            lines.extend(text.match_indices('\n').map(|(newline, _)| newline + 1));
            Rc::new(lines)
        });
        Some(Rc::clone(lines))
    })
}

/// 1-based line and 1-based column (in chars) of byte `offset`, like rustc's JSON.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    if let Some(starts) = line_starts(text) {
        // The last line start at or before `offset`.
        let line = starts.partition_point(|&start| start <= offset);
        let line_start = starts[line - 1];
        return (line, text[line_start..offset].chars().count() + 1);
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
    let column = text[line_start..offset].chars().count() + 1;
    (line, column)
}

/// The byte range of line `line` (1-based), without its newline.
pub fn line_range(text: &str, line: usize) -> Range<usize> {
    if let Some(starts) = line_starts(text) {
        let Some(&start) = starts.get(line.max(1) - 1) else {
            return text.len()..text.len();
        };
        let end = starts.get(line.max(1)).map_or(text.len(), |next| next - 1);
        return start..end;
    }
    let mut start = 0;
    for _ in 1..line {
        match text[start..].find('\n') {
            Some(newline) => start += newline + 1,
            None => return text.len()..text.len(),
        }
    }
    let end = text[start..]
        .find('\n')
        .map_or(text.len(), |newline| start + newline);
    start..end
}

/// The largest char boundary at or before `offset`.
pub fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The `yield` expression at or before `anchor`: from the `yield` keyword to the end of its
/// operand (a `;`, `,` or unmatched closing delimiter at depth 0); or, for a postfix
/// `EXPR.yield` whose operand starts at `anchor`, from there to the end of `yield`.
pub fn yield_expression(text: &str, anchor: usize) -> Option<Range<usize>> {
    let anchor = floor_char_boundary(text, anchor);
    if !text[anchor..].starts_with("yield") {
        if let Some(end) = postfix_yield_end(text, anchor) {
            return Some(anchor..end);
        }
    }
    let start = if text[anchor..].starts_with("yield") {
        anchor
    } else {
        last_word_before(text, "yield", anchor + "yield".len())?
    };
    let mut depth = 0i32;
    let mut end = text.len();
    for (offset, byte) in text.as_bytes()[start..].iter().enumerate() {
        match byte {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' if depth == 0 => {
                end = start + offset;
                break;
            }
            b')' | b']' | b'}' => depth -= 1,
            b';' | b',' if depth == 0 => {
                end = start + offset;
                break;
            }
            _ => {}
        }
    }
    let end = start + text[start..end].trim_end().len();
    Some(start..end)
}

/// The first prefix `yield` expression that starts in `text[from..end]` (a best effort on the
/// text: the word `yield` not preceded by `.`; comments and literals are not skipped).
pub fn first_yield_expression_in(text: &str, from: usize, end: usize) -> Option<Range<usize>> {
    let from = floor_char_boundary(text, from);
    let end = floor_char_boundary(text, end.min(text.len()));
    let bytes = text.as_bytes();
    let mut search_from = from;
    while let Some(offset) = text.get(search_from..end)?.find("yield") {
        let at = search_from + offset;
        let after = at + "yield".len();
        let before_ok = at == 0 || !(is_ident_byte(bytes[at - 1]) || bytes[at - 1] == b'.');
        let after_ok = after >= bytes.len() || !is_ident_byte(bytes[after]);
        if before_ok && after_ok {
            return yield_expression(text, at);
        }
        search_from = after;
    }
    None
}

/// The first occurrence of the word `word` in `text[from..end]`, outside comments and string
/// literals (a best effort on the text: raw strings and char literals are not recognized).
pub fn first_word_in(text: &str, word: &str, from: usize, end: usize) -> Option<Range<usize>> {
    let from = floor_char_boundary(text, from);
    let end = floor_char_boundary(text, end.min(text.len()));
    let bytes = text.as_bytes();
    let mut at = from;
    while at < end {
        let rest = &text[at..end];
        if rest.starts_with("//") {
            at += rest.find('\n').unwrap_or(rest.len());
            continue;
        }
        if rest.starts_with("/*") {
            at += rest.find("*/").map_or(rest.len(), |close| close + 2);
            continue;
        }
        if bytes[at] == b'"' {
            let mut close = at + 1;
            while close < end && bytes[close] != b'"' {
                close += if bytes[close] == b'\\' { 2 } else { 1 };
            }
            at = close + 1;
            continue;
        }
        let after = at + word.len();
        if rest.starts_with(word)
            && (at == 0 || !is_ident_byte(bytes[at - 1]))
            && (after >= bytes.len() || !is_ident_byte(bytes[after]))
        {
            return Some(at..after);
        }
        at += rest.chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// The closing brace of the generator whose head (`gen`, `async gen`, or a `gen fn`'s body
/// brace) starts at `head`: the match of the first `{` at or after it.
pub fn generator_body_close(text: &str, head: usize) -> Option<usize> {
    let open = head + text.get(head..)?.find('{')?;
    matching_close(text, open)
}

/// The end of the `.yield` of a postfix yield whose operand starts at `anchor`: the first `.`
/// at depth 0 followed (after whitespace) by the word `yield`, before the statement or argument
/// ends.
fn postfix_yield_end(text: &str, anchor: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0i32;
    for (offset, byte) in bytes[anchor..].iter().enumerate() {
        match byte {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' if depth == 0 => return None,
            b')' | b']' | b'}' => depth -= 1,
            b';' | b',' if depth == 0 => return None,
            b'.' if depth == 0 => {
                let after = anchor + offset + 1;
                let rest = &text[after..];
                let trimmed = rest.trim_start();
                let keyword_at = after + (rest.len() - trimmed.len());
                if trimmed.starts_with("yield")
                    && !bytes
                        .get(keyword_at + "yield".len())
                        .is_some_and(|&next| is_ident_byte(next))
                {
                    return Some(keyword_at + "yield".len());
                }
            }
            _ => {}
        }
    }
    None
}

/// When `anchor` starts the invocation `NAME!` of a macro that may yield (the check copy's
/// yield point for it), the `yield` expression in the body of `macro_rules! NAME` of the same
/// file (what nightly labels "possible yield occurs here").
pub fn macro_yield_expression(text: &str, anchor: usize) -> Option<Range<usize>> {
    let anchor = floor_char_boundary(text, anchor);
    let name_length = text[anchor..]
        .bytes()
        .take_while(|&byte| is_ident_byte(byte))
        .count();
    if name_length == 0 || !text[anchor + name_length..].starts_with('!') {
        return None;
    }
    let name = &text[anchor..anchor + name_length];
    let mut search_from = 0;
    while let Some(found) = text[search_from..].find("macro_rules!") {
        let after = search_from + found + "macro_rules!".len();
        let rest = &text[after..];
        let defined = rest.trim_start();
        let name_at = after + (rest.len() - defined.len());
        if defined.starts_with(name)
            && !defined[name.len()..]
                .bytes()
                .next()
                .is_some_and(is_ident_byte)
        {
            let body_start = name_at + name.len();
            let yield_at = first_word_after(text, "yield", body_start)?;
            return yield_expression(text, yield_at);
        }
        search_from = after;
    }
    None
}

fn first_word_after(text: &str, word: &str, start: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = start;
    while let Some(found) = text[from..].find(word) {
        let at = from + found;
        let before_ok = at == 0 || !is_ident_byte(bytes[at - 1]);
        let after = at + word.len();
        let after_ok = after >= bytes.len() || !is_ident_byte(bytes[after]);
        if before_ok && after_ok {
            return Some(at);
        }
        from = after;
    }
    None
}

/// The innermost generator around `position`: what nightly calls it, and the span it labels
/// ("within this `gen` block").
pub fn enclosing_generator(text: &str, position: usize) -> (String, Option<Range<usize>>) {
    let by_keyword = enclosing_gen_keyword(text, position);
    let by_iter_macro = enclosing_iter_macro(text, position);
    match (by_keyword, by_iter_macro) {
        (Some(keyword), Some(iter_macro)) => {
            // The innermost: the one whose body opens last.
            let keyword_open = keyword.1.as_ref().map_or(0, |span| span.start);
            let iter_open = iter_macro.1.as_ref().map_or(0, |span| span.start);
            if iter_open > keyword_open {
                iter_macro
            } else {
                keyword
            }
        }
        (Some(found), None) | (None, Some(found)) => found,
        (None, None) => ("coroutine".to_string(), None),
    }
}

/// The body of the innermost `iter!(|..| BODY)` around `position`: nightly calls it a "`gen`
/// closure body" and labels the whole body.
fn enclosing_iter_macro(text: &str, position: usize) -> Option<(String, Option<Range<usize>>)> {
    let mut search_end = floor_char_boundary(text, position.min(text.len()));
    while let Some(at) = text[..search_end].rfind("iter!") {
        search_end = at;
        let before_is_word = text[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_');
        if before_is_word {
            continue;
        }
        let after_bang = at + "iter!".len();
        let open = after_bang + (text[after_bang..].len() - text[after_bang..].trim_start().len());
        // `iter!(..)`, `iter! { .. }` or `iter![..]`.
        let close_byte = match text.as_bytes().get(open) {
            Some(b'(') => b')',
            Some(b'{') => b'}',
            Some(b'[') => b']',
            _ => continue,
        };
        let Some(close) = matching_delimiter(text, open, close_byte) else {
            continue;
        };
        if !(open < position && position < close) {
            continue;
        }
        let mut rest_at = open + 1;
        rest_at += text[rest_at..].len() - text[rest_at..].trim_start().len();
        if text[rest_at..].starts_with("move") {
            rest_at += "move".len();
            rest_at += text[rest_at..].len() - text[rest_at..].trim_start().len();
        }
        let Some(params_end) = closure_parameters_end(text, rest_at, close) else {
            continue;
        };
        let body_start = after_whitespace(text, params_end);
        let body = if text.as_bytes().get(body_start) == Some(&b'{') {
            let body_close = matching_close(text, body_start)?;
            body_start..body_close + 1
        } else {
            body_start..body_start + text[body_start..close].trim_end().len()
        };
        if body.start <= position && position < body.end {
            return Some(("`gen` closure body".to_string(), Some(body)));
        }
    }
    None
}

/// The block body of the `iter!` closure that `position` is in, if any.
pub fn iter_closure_body(text: &str, position: usize) -> Option<Range<usize>> {
    enclosing_iter_macro(text, position).and_then(|(_, body)| body)
}

/// Whether the text before `offset` ends with an `iter!` invocation's opening (`iter!(`,
/// `iter! {`): what starts at `offset` is the invocation's closure.
pub fn follows_iter_macro_opening(text: &str, offset: usize) -> bool {
    text.get(..floor_char_boundary(text, offset))
        .and_then(|before| {
            let before = before.trim_end();
            before
                .strip_suffix('(')
                .or_else(|| before.strip_suffix('{'))
        })
        .is_some_and(|before| before.trim_end().ends_with("iter!"))
}

/// The `iter!` closure whose parameter list starts at `head` (`||`, `|x: u8|`): from there to
/// the end of its block body (`None` for an expression body).
pub fn iter_closure(text: &str, head: usize) -> Option<Range<usize>> {
    let body_start = after_whitespace(text, closure_parameters_end(text, head, text.len())?);
    if text.as_bytes().get(body_start) != Some(&b'{') {
        return None;
    }
    Some(head..matching_close(text, body_start)? + 1)
}

/// The end of the closure parameter list (`||`, `|x: u8|`) that starts at `head`, its closing
/// `|` before `limit`.
fn closure_parameters_end(text: &str, head: usize, limit: usize) -> Option<usize> {
    let rest = text.get(head..limit)?;
    if rest.starts_with("||") {
        Some(head + 2)
    } else if let Some(parameters) = rest.strip_prefix('|') {
        Some(head + 1 + parameters.find('|')? + 1)
    } else {
        None
    }
}

/// The first offset at or after `at` that is not whitespace.
fn after_whitespace(text: &str, at: usize) -> usize {
    at + (text[at..].len() - text[at..].trim_start().len())
}

/// The offset of the delimiter `close_byte` that closes the one at `open`.
fn matching_delimiter(text: &str, open: usize, close_byte: u8) -> Option<usize> {
    let open_byte = text.as_bytes()[open];
    let mut depth = 0usize;
    for (offset, &byte) in text.as_bytes()[open..].iter().enumerate() {
        match byte {
            _ if byte == open_byte => depth += 1,
            _ if byte == close_byte => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(open + offset);
                }
            }
            _ => {}
        }
    }
    None
}

fn enclosing_gen_keyword(text: &str, position: usize) -> Option<(String, Option<Range<usize>>)> {
    let mut search_end = position;
    while let Some(gen_at) = last_word_before(text, "gen", search_end) {
        search_end = gen_at;
        let after = text[gen_at + 3..].trim_start();
        let is_async = text[..gen_at].trim_end().ends_with("async");
        let async_start = if is_async {
            text[..gen_at].trim_end().len() - "async".len()
        } else {
            gen_at
        };
        let Some(open) = text[gen_at..].find('{').map(|offset| gen_at + offset) else {
            continue;
        };
        let Some(close) = matching_close(text, open) else {
            continue;
        };
        if !(open < position && position < close) {
            continue;
        }
        if after.starts_with("fn") {
            let what = if is_async {
                "`async gen` fn body"
            } else {
                "`gen` fn body"
            };
            return Some((what.to_string(), Some(open..close + 1)));
        }
        if after.starts_with('{') || after.starts_with("move") {
            // Nightly's span is the block's head: `gen`, or `gen move` with its `move`.
            let head_end = if after.starts_with("move") {
                text.len() - after.len() + "move".len()
            } else {
                gen_at + 3
            };
            return Some(if is_async {
                ("`async gen` block".to_string(), Some(async_start..head_end))
            } else {
                ("`gen` block".to_string(), Some(gen_at..head_end))
            });
        }
    }
    None
}

fn matching_close(text: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (offset, byte) in text.as_bytes()[open..].iter().enumerate() {
        match byte {
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(open + offset);
                }
            }
            _ => {}
        }
    }
    None
}

fn last_word_before(text: &str, word: &str, end: usize) -> Option<usize> {
    let end = floor_char_boundary(text, end);
    let bytes = text.as_bytes();
    let mut search = &text[..end];
    while let Some(at) = search.rfind(word) {
        let before_ok = at == 0 || !is_ident_byte(bytes[at - 1]);
        let after = at + word.len();
        let after_ok = after >= bytes.len() || !is_ident_byte(bytes[after]);
        if before_ok && after_ok {
            return Some(at);
        }
        search = &text[..at];
    }
    None
}

fn is_ident_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_' || byte >= 0x80
}

#[cfg(test)]
mod tests {

    #[test]
    fn iter_closures_are_found_after_the_macro_opening() {
        let text = "let a = iter!(|| { yield 1; });\nlet b = std::iter::iter! { |x| { yield x; } };\nlet c = f(|| 1);\n";
        let a = text.find("||").unwrap();
        assert!(follows_iter_macro_opening(text, a));
        assert_eq!(
            iter_closure(text, a),
            Some(a..text.find(" });").unwrap() + 2)
        );
        assert!(follows_iter_macro_opening(text, text.find("|x|").unwrap()));
        assert!(!follows_iter_macro_opening(text, text.rfind("||").unwrap()));
        assert!(!follows_iter_macro_opening(text, 0));
        // An expression body has no block to span.
        assert_eq!(iter_closure("iter!(|| 1)", 6), None);
    }

    #[test]
    fn indexed_lines_answer_as_the_scan_does() {
        let texts = [
            "",
            "\n",
            "a",
            "a\nb",
            "a\nb\n",
            "\n\nfn main() {\n    let é = \"ü\";\n}\n",
            "x\r\ny\n\n\nz",
        ];
        for text in texts {
            let lines = text.matches('\n').count() + 3;
            let positions: Vec<_> = (0..=text.len() + 1)
                .map(|offset| line_column(text, offset))
                .collect();
            let ranges: Vec<_> = (0..lines).map(|line| line_range(text, line)).collect();
            let owned = text.to_string();
            let guard = index_lines([owned.as_str()]);
            assert!(line_starts(&owned).is_some());
            for offset in 0..=text.len() + 1 {
                assert_eq!(
                    line_column(&owned, offset),
                    positions[offset],
                    "{text:?} {offset}"
                );
            }
            for line in 0..lines {
                assert_eq!(line_range(&owned, line), ranges[line], "{text:?} {line}");
            }
            drop(guard);
            assert!(line_starts(&owned).is_none());
        }
    }

    use super::*;

    #[test]
    fn finds_function_signatures() {
        let text = "#[inline]\npub gen fn walk<T: Clone>(v: &[T]) -> T\nwhere T: Copy {\n}";
        let brace = text.find('{').unwrap();
        assert_eq!(
            &text[fn_signature(text, brace).unwrap()],
            "pub gen fn walk<T: Clone>(v: &[T]) -> T\nwhere T: Copy"
        );
        let text = "impl T {\n    pub(crate) async gen unsafe extern \"C\" fn f(&self) {}\n}";
        let brace = text.rfind("{}").unwrap();
        assert_eq!(
            &text[fn_signature(text, brace).unwrap()],
            "pub(crate) async gen unsafe extern \"C\" fn f(&self)"
        );
        let text = "    gen fn walk(&self) -> u32 {";
        assert_eq!(
            &text[fn_signature(text, text.len() - 1).unwrap()],
            "gen fn walk(&self) -> u32"
        );
    }

    #[test]
    fn binds_only_whole_names() {
        assert!(binds("{ let x = 5; ", "x"));
        assert!(binds("{ let mut w = v; ", "w"));
        assert!(binds("{ for item in v { ", "item"));
        assert!(!binds("{ let xs = 5; ", "x"));
        assert!(!binds("{ outlet x = 5; ", "x"));
        assert!(!binds("{ yield &s; ", "s"));
    }

    #[test]
    fn finds_yield_and_generator() {
        let text =
            "fn main() {\n    let g = gen {\n        let r = &v;\n        yield 1;\n    };\n}\n";
        let at = text.find("yield").unwrap();
        assert_eq!(&text[yield_expression(text, at).unwrap()], "yield 1");
        let postfix = "for p in &v { (1 + 2).yield; }";
        let operand = postfix.find("(1").unwrap();
        assert_eq!(
            &postfix[yield_expression(postfix, operand).unwrap()],
            "(1 + 2).yield"
        );
        let (what, span) = enclosing_generator(text, at);
        assert_eq!(what, "`gen` block");
        assert_eq!(&text[span.unwrap()], "gen");
        assert_eq!(line_column(text, at), (4, 9));
        let text = "gen fn f() -> i32 {\n    for x in &v { yield *x; }\n}\n";
        let (what, span) = enclosing_generator(text, text.find("yield").unwrap());
        assert_eq!(what, "`gen` fn body");
        assert_eq!(&text[span.unwrap()], "{\n    for x in &v { yield *x; }\n}");
    }

    #[test]
    fn finds_the_yield_of_an_invoked_macro() {
        let text = "macro_rules! emitter { () => {} }\nmacro_rules! emit { ($e:expr) => { yield $e }; }\nfn main() { let g = gen { yield 0; emit!(1); }; }\n";
        let at = text.find("emit!(1)").unwrap();
        let range = macro_yield_expression(text, at).unwrap();
        assert_eq!(&text[range.clone()], "yield $e");
        assert!(range.start < text.find("fn main").unwrap());
        // Not an invocation, or a macro of another file: none.
        assert_eq!(
            macro_yield_expression(text, text.find("yield 0").unwrap()),
            None
        );
        let other = "fn main() { let g = gen { other!(1); }; }\n";
        assert_eq!(
            macro_yield_expression(other, other.find("other!").unwrap()),
            None
        );
    }
}

/// The signature of the function whose body opens at `brace`: from its visibility and
/// qualifiers (`pub(crate) const async gen unsafe extern "C" fn`) to the end of its `where`
/// clause, as rustc spans a function's head.
pub fn fn_signature(text: &str, brace: usize) -> Option<Range<usize>> {
    let head = text.get(..brace)?;
    let fn_at = last_word_before(head, "fn", head.len())?;
    let end = head.trim_end().len();
    let mut start = fn_at;
    loop {
        let before = text[..start].trim_end();
        let word_start = before
            .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '"'))
            .map_or(0, |at| at + 1);
        let word = &before[word_start..];
        let is_qualifier = matches!(
            word,
            "gen" | "async" | "unsafe" | "const" | "extern" | "pub" | "default" | "safe"
        ) || (word.starts_with('"') && word.ends_with('"') && word.len() >= 2);
        if is_qualifier {
            start = word_start;
            continue;
        }
        // `pub(crate)`, `pub(in path)`.
        if before.ends_with(')') {
            if let Some(open) = before.rfind('(') {
                if before[..open].trim_end().ends_with("pub") {
                    start = before[..open].trim_end().len() - "pub".len();
                    continue;
                }
            }
        }
        break;
    }
    (start < end).then_some(start..end)
}

/// The return type in the function signature at `signature` (see [`fn_signature`]): the text
/// after the `->` that follows the parameter list, up to a `where` clause.
pub fn return_type(text: &str, signature: Range<usize>) -> Option<Range<usize>> {
    let head = text.get(signature.clone())?;
    let open = head.find('(')?;
    let mut depth = 0usize;
    let mut params_end = None;
    for (at, byte) in head.bytes().enumerate().skip(open) {
        match byte {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    params_end = Some(at + 1);
                    break;
                }
            }
            _ => {}
        }
    }
    let rest = &head[params_end?..];
    let arrow = rest.trim_start().strip_prefix("->")?;
    let type_start = head.len() - arrow.trim_start().len();
    let mut type_end = head.len();
    for (at, _) in head[type_start..].match_indices("where") {
        let at = type_start + at;
        let before_ok = head[..at].ends_with(char::is_whitespace);
        let after_ok = head[at + "where".len()..]
            .chars()
            .next()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        if before_ok && after_ok {
            type_end = at;
            break;
        }
    }
    let type_text = head[type_start..type_end].trim_end();
    if type_text.is_empty() {
        return None;
    }
    let start = signature.start + type_start;
    Some(start..start + type_text.len())
}

/// Whether `text` binds `name` with `let [mut] name` or `for name in` (a heuristic for "a local
/// of the body" against "captured data").
pub fn binds(text: &str, name: &str) -> bool {
    ["let ", "let mut ", "for ", "for mut "]
        .iter()
        .any(|prefix| {
            let needle = format!("{prefix}{name}");
            text.match_indices(&needle).any(|(at, _)| {
                let after = at + needle.len();
                let before_ok = text[..at]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
                let after_ok = text[after..]
                    .chars()
                    .next()
                    .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
                before_ok && after_ok
            })
        })
}
