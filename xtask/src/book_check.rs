//! `cargo x book-check`: every Rust block of the book (`book/src/**/*.md`) compiled, and run
//! where it has a `main`, by the yieldc toolchain. A thin caller of `snippets.rs`, which owns
//! the annotations (`ignore (reason)`, `no_run`, `should_panic`, `compile_fail,E0XXX`).
//!
//! `--toolchain DIR` checks with an already assembled toolchain instead of running `dist`;
//! `--nightly` checks the same expectations with nightly's own `rustc` (blocks that name
//! `yieldc_rt` are skipped there), to confirm the book shows what nightly does.

use std::path::{Path, PathBuf};

use crate::snippets::{self, Compiler, Options};

pub fn book_check(args: &[String]) -> Result<(), String> {
    let mut toolchain = None;
    let mut nightly = false;
    let mut files = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--toolchain" => {
                let dir = args.next().ok_or("`--toolchain` needs a directory")?;
                toolchain = Some(PathBuf::from(dir));
            }
            "--nightly" => nightly = true,
            file => files.push(PathBuf::from(file)),
        }
    }
    if files.is_empty() {
        files = book_files(&crate::workspace_root().join("book/src"))?;
    }
    let report = if nightly {
        let options = Options {
            skip_containing: vec!["yieldc_rt".to_string()],
            ..Options::default()
        };
        eprintln!("== checking the book's Rust blocks with nightly's rustc ==");
        snippets::check_markdown_with(&files, &Compiler::rustup("nightly"), &options)
    } else {
        let toolchain = match toolchain {
            Some(dir) => dir,
            None => crate::dist()?,
        };
        eprintln!(
            "== checking the Rust blocks of {} file(s) with {} ==",
            files.len(),
            toolchain.display()
        );
        snippets::check_markdown(&files, &toolchain)
    };
    eprintln!("{report}");
    if report.is_ok() {
        Ok(())
    } else {
        Err("book-check failed".to_string())
    }
}

/// Every `.md` file under `dir`, recursively, sorted.
pub fn book_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let entries = std::fs::read_dir(&dir)
            .map_err(|err| format!("cannot read `{}`: {err}", dir.display()))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|ext| ext == "md") {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}
