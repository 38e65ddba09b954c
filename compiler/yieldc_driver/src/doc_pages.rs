//! `cargo doc` runs rustdoc on the shadow tree, so its source pages (`doc/src/<crate>/…html`)
//! would show the lowered text. After rustdoc succeeds, the pages of lowered files get their
//! code area redrawn from the original source: the same line anchors rustdoc writes
//! (`<a href=#N id=N data-nosnippet>N</a>`), the original text HTML-escaped. (Without rustdoc's
//! syntax highlighting: a plain, faithful listing beats a highlighted wrong one.)

use std::path::Path;

/// Rewrites the source page of each `(original path, original text)` under `root_dir`.
/// Pages that do not exist or do not look like rustdoc's are left alone.
pub fn restore_source_pages<'a>(
    doc_dir: &Path,
    crate_name: &str,
    root_dir: &Path,
    files: impl Iterator<Item = (&'a Path, &'a str)>,
) {
    for (path, original) in files {
        let Ok(relative) = path.strip_prefix(root_dir) else {
            continue;
        };
        let mut page = doc_dir.join("src").join(crate_name).join(relative);
        let mut name = page.file_name().unwrap_or_default().to_os_string();
        name.push(".html");
        page.set_file_name(name);
        let Ok(html) = std::fs::read_to_string(&page) else {
            continue;
        };
        if let Some(rewritten) = with_original_code(&html, original) {
            let _ = std::fs::write(&page, rewritten);
        }
    }
}

/// The page with the contents of its first `<code>…</code>` replaced by `original`.
fn with_original_code(html: &str, original: &str) -> Option<String> {
    let open = html.find("<code>")? + "<code>".len();
    let close = open + html[open..].find("</code>")?;
    if !html[open..close].starts_with("<a href=#1 id=1") {
        return None;
    }
    let mut code = String::with_capacity(original.len() * 2);
    for (index, line) in original.lines().enumerate() {
        if index > 0 {
            code.push('\n');
        }
        let number = index + 1;
        code.push_str(&format!(
            "<a href=#{number} id={number} data-nosnippet>{number}</a>"
        ));
        escape_into(&mut code, line);
    }
    Some(format!("{}{}{}", &html[..open], code, &html[close..]))
}

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_code_area_only() {
        let html = "<pre class=\"rust\"><code><a href=#1 id=1 data-nosnippet>1</a>lowered &lt;x&gt;\n<a href=#2 id=2 data-nosnippet>2</a>more</code></pre><code>other</code>";
        let out = with_original_code(html, "gen fn f() -> u8 {\n    yield 1 < 2\n}\n").unwrap();
        assert_eq!(
            out,
            "<pre class=\"rust\"><code><a href=#1 id=1 data-nosnippet>1</a>gen fn f() -&gt; u8 {\n<a href=#2 id=2 data-nosnippet>2</a>    yield 1 &lt; 2\n<a href=#3 id=3 data-nosnippet>3</a>}</code></pre><code>other</code>"
        );
        assert_eq!(with_original_code("<code>unexpected</code>", "x"), None);
    }
}
