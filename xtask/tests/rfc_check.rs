//! `cargo x rfc-check` as part of `cargo test`: every Rust block of `rfcs/` must do what its
//! fence says, compiled by a toolchain assembled from this build's driver.

#[allow(dead_code)]
#[path = "../src/snippets.rs"]
mod snippets;
mod support;

use std::path::PathBuf;

use support::{toolchain, workspace};

fn rfc_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(workspace().join("rfcs/text"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .collect();
    files.sort();
    files.insert(0, workspace().join("rfcs/README.md"));
    files
}

#[test]
fn every_rust_block_of_the_rfcs_does_what_its_fence_says() {
    let files = rfc_files();
    let report = snippets::check_markdown(&files, &toolchain("rfc-check-toolchain"));
    assert!(report.is_ok(), "cargo x rfc-check failed:\n{report}");
}
