//! The files of a crate's module tree: the crate root and every file reached through
//! `mod name;` declarations, resolved with rustc's rules. Only these files are lowered and only
//! their front-end diagnostics are reported; everything else in the package is left alone.
//!
//! Resolution (the Reference, "Modules" and "The `path` attribute"): a *mod-rs* file (the crate
//! root, a `mod.rs`, or a file loaded through `#[path]`) owns its directory, so `mod a;` in it is
//! `DIR/a.rs` or `DIR/a/mod.rs`; any other file `DIR/f.rs` puts its children in `DIR/f/`. Inline
//! modules add one directory level each (their `#[path]`, or their name). A `#[path]` on an
//! out-of-line module outside inline modules is relative to the declaring file's directory;
//! inside them, to the directory the inline modules give.
//!
//! Files pulled in with `include!("path")` (a plain string literal, relative to the including
//! file) are part of the crate too: they are lowered like modules, or as one expression when
//! they are one (a `mod` declaration inside an included file is not followed: rustc resolves it
//! from the including module).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::lowering::{module_declarations, Edition};

/// The crate's module files (and `include!`d files) that exist and lie inside `boundary` (the
/// package directory, or the ancestor of it that the shadow mirrors), root first, each read as
/// UTF-8 (a file that is not is left to rustc to report). At most `LIMIT` files.
pub fn crate_module_files(
    root: &Path,
    root_text: &str,
    boundary: &Path,
    edition: Edition,
) -> Vec<(PathBuf, String)> {
    const LIMIT: usize = 100_000;
    let mut files = vec![(root.to_path_buf(), root_text.to_string())];
    let mut seen: HashSet<PathBuf> = HashSet::from([root.to_path_buf()]);
    // (file, owns its directory, reached through `include!`)
    let mut queue = vec![(root.to_path_buf(), true, false)];
    while let Some((file, owns_directory, included)) = queue.pop() {
        if files.len() >= LIMIT {
            break;
        }
        let text = match files.iter().find(|(path, _)| *path == file) {
            Some((_, text)) => text.clone(),
            None => continue,
        };
        let Some(file_dir) = file.parent() else {
            continue;
        };
        for target in include_targets(&text) {
            let found = normalize(&file_dir.join(target));
            if !found.is_file() || !found.starts_with(boundary) || !seen.insert(found.clone()) {
                continue;
            }
            let Ok(text) = std::fs::read_to_string(&found) else {
                continue;
            };
            files.push((found.clone(), text));
            queue.push((found, false, true));
        }
        if included {
            continue;
        }
        let children_dir = if owns_directory {
            file_dir.to_path_buf()
        } else {
            match file.file_stem() {
                Some(stem) => file_dir.join(stem),
                None => continue,
            }
        };
        for declaration in module_declarations(&text, edition) {
            let mut dir = children_dir.clone();
            for (name, path) in &declaration.inline_parents {
                dir.push(path.as_deref().unwrap_or(name));
            }
            let (candidates, child_owns_directory) = match &declaration.path_attribute {
                Some(path) if declaration.inline_parents.is_empty() => {
                    (vec![file_dir.join(path)], true)
                }
                Some(path) => (vec![dir.join(path)], true),
                None => (
                    vec![
                        dir.join(format!("{}.rs", declaration.name)),
                        dir.join(&declaration.name).join("mod.rs"),
                    ],
                    false,
                ),
            };
            let Some(found) = candidates.into_iter().find(|candidate| candidate.is_file()) else {
                continue; // rustc reports the missing module
            };
            let found = normalize(&found);
            if !found.starts_with(boundary) || !seen.insert(found.clone()) {
                continue;
            }
            let Ok(text) = std::fs::read_to_string(&found) else {
                continue;
            };
            let owns = child_owns_directory || found.file_name().is_some_and(|n| n == "mod.rs");
            files.push((found.clone(), text));
            queue.push((found, owns, false));
        }
    }
    files
}

/// Which of `files` (from [`crate_module_files`]) some file of them brings in with
/// `include!`.
pub fn included_files(files: &[(PathBuf, String)]) -> HashSet<PathBuf> {
    let mut included = HashSet::new();
    for (path, text) in files {
        let Some(dir) = path.parent() else {
            continue;
        };
        for target in include_targets(text) {
            included.insert(normalize(&dir.join(target)));
        }
    }
    included
}

/// How many directories above `package_dir` the crate's files may reach with relative paths
/// (`#[path = "../../x.rs"]`, `include_str!("../../README.md")`): for every string literal
/// that starts with `../`, its count of leading `../` beyond the depth of its file below
/// `package_dir`. The shadow mirrors that ancestor, so that such paths resolve there as they
/// do from the original files.
pub fn parent_levels_needed(files: &[(PathBuf, String)], package_dir: &Path) -> usize {
    let mut needed = 0;
    for (path, text) in files {
        let depth = path
            .parent()
            .and_then(|dir| dir.strip_prefix(package_dir).ok())
            .map_or(0, |relative| relative.components().count());
        let mut rest = text.as_str();
        while let Some(position) = rest.find("\"../") {
            let mut literal = &rest[position + 1..];
            let mut count = 0usize;
            while let Some(after) = literal.strip_prefix("../") {
                count += 1;
                literal = after;
            }
            needed = needed.max(count.saturating_sub(depth));
            rest = &rest[position + 1..];
        }
    }
    needed
}

/// The files of `out_dir` (cargo's `OUT_DIR`, where build scripts write generated code) that
/// `files` include with `include!(concat!(env!("OUT_DIR"), "/name.rs"))`, each read as UTF-8.
pub fn out_dir_includes(files: &[(PathBuf, String)], out_dir: &Path) -> Vec<(PathBuf, String)> {
    const PREFIX: &str = "concat!(env!(\"OUT_DIR\"),";
    let mut found = Vec::new();
    for (_, text) in files {
        let compact: String = text.split_whitespace().collect();
        let mut rest = compact.as_str();
        while let Some(position) = rest.find(PREFIX) {
            rest = &rest[position + PREFIX.len()..];
            let Some(literal) = rest.strip_prefix('"') else {
                continue;
            };
            let Some(end) = literal.find('"') else {
                continue;
            };
            let name = literal[..end].trim_start_matches('/');
            if name.is_empty() || name.contains('\\') {
                continue;
            }
            let path = normalize(&out_dir.join(name));
            if !path.starts_with(out_dir) || found.iter().any(|(seen, _)| *seen == path) {
                continue;
            }
            if let Ok(text) = std::fs::read_to_string(&path) {
                found.push((path, text));
            }
        }
    }
    found
}

/// The plain string literals of `include!("...")` invocations in `text` (a byte scan, like
/// rustc's own argument: a literal without escapes).
fn include_targets(text: &str) -> Vec<&str> {
    let mut targets = Vec::new();
    let mut from = 0;
    while let Some(position) = text[from..].find("include!") {
        let at = from + position;
        from = at + "include!".len();
        let before = text[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue; // `my_include!`
        }
        let rest = text[from..].trim_start();
        let Some(rest) = rest.strip_prefix('(') else {
            continue;
        };
        let Some(rest) = rest.trim_start().strip_prefix('"') else {
            continue;
        };
        let Some(end) = rest.find('"') else {
            continue;
        };
        let literal = &rest[..end];
        let after = rest[end + 1..].trim_start();
        if !literal.contains('\\') && (after.starts_with(')') || after.starts_with(',')) {
            targets.push(literal);
        }
    }
    targets
}

/// Removes `.` and `..` components lexically (paths from `#[path]` may contain them).
pub(crate) fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follows_mod_declarations_with_rustcs_rules() {
        let dir = std::env::temp_dir().join(format!("yieldc-modules-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for (path, text) in [
            (
                "src/lib.rs",
                "mod a; mod b; #[path = \"other/c.rs\"] mod c; mod d { mod e; }",
            ),
            ("src/a.rs", "mod inner;"),
            ("src/a/inner.rs", ""),
            ("src/b/mod.rs", "mod x;"),
            ("src/b/x.rs", ""),
            ("src/other/c.rs", "mod sibling;"),
            ("src/other/sibling.rs", ""),
            ("src/d/e.rs", ""),
            ("src/unrelated.rs", "this is not part of the crate"),
        ] {
            let file = dir.join(path);
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(&file, text).unwrap();
        }
        let root = dir.join("src/lib.rs");
        let text = std::fs::read_to_string(&root).unwrap();
        let mut found: Vec<String> = crate_module_files(&root, &text, &dir, Edition::E2021)
            .into_iter()
            .map(|(p, _)| p.strip_prefix(&dir).unwrap().to_string_lossy().into_owned())
            .collect();
        found.sort();
        assert_eq!(
            found,
            [
                "src/a.rs",
                "src/a/inner.rs",
                "src/b/mod.rs",
                "src/b/x.rs",
                "src/d/e.rs",
                "src/lib.rs",
                "src/other/c.rs",
                "src/other/sibling.rs"
            ]
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
