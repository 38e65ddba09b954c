//! `cargo x book-check` as part of `cargo test`: every Rust block of the book (`book/src/`)
//! must do what its fence says, compiled by a toolchain assembled from this build's driver.

#[allow(dead_code)]
#[path = "../src/snippets.rs"]
mod snippets;
mod support;

use std::path::PathBuf;

use support::{toolchain, workspace};

/// `book/src/**/*.md`, sorted (the same list as `cargo x book-check`).
fn book_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![workspace().join("book/src")];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|ext| ext == "md") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn every_rust_block_of_the_book_does_what_its_fence_says() {
    let files = book_files();
    assert!(
        files.iter().any(|file| file.ends_with("SUMMARY.md")),
        "book/src/SUMMARY.md is missing: {files:?}"
    );
    let report = snippets::check_markdown(&files, &toolchain("book-check-toolchain"));
    assert!(report.is_ok(), "cargo x book-check failed:\n{report}");
    assert!(report.checked > 0, "no block was checked:\n{report}");
}

/// Every chapter that `SUMMARY.md` links to exists, and every chapter is linked (mdbook would
/// otherwise create empty files for the first and silently leave out the second).
#[test]
fn the_summary_links_every_chapter() {
    let src = workspace().join("book/src");
    let summary = std::fs::read_to_string(src.join("SUMMARY.md")).unwrap();
    let linked: Vec<&str> = summary
        .split("](")
        .skip(1)
        .filter_map(|rest| rest.split(')').next())
        .collect();
    for chapter in &linked {
        assert!(
            src.join(chapter).is_file(),
            "SUMMARY.md links to missing `{chapter}`"
        );
    }
    for file in book_files() {
        let name = file
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        assert!(
            name == "SUMMARY.md" || linked.contains(&name.as_str()),
            "`{name}` is not linked from SUMMARY.md"
        );
    }
}
