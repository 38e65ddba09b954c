//! `cargo x rfc-check`: every Rust block of the RFC drafts (`rfcs/README.md`, `rfcs/text/*.md`)
//! compiled, and run where it has a `main`, by the yieldc toolchain (see `snippets.rs`).
//!
//! `--toolchain DIR` checks with an already assembled toolchain instead of running `dist`;
//! `--nightly` checks the same expectations with nightly's own `rustc` (blocks that name
//! `yieldc_rt` are skipped there), to confirm the examples show what nightly does.

use std::path::{Path, PathBuf};

use crate::snippets::{self, Compiler, Options};

pub fn rfc_check(args: &[String]) -> Result<(), String> {
    let workspace = crate::workspace_root();
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
        files = rfc_files(&workspace)?;
    }
    let mut toolchain_dir = None;
    let (compiler, options) = if nightly {
        let options = Options {
            skip_containing: vec!["yieldc_rt".to_string()],
            ..Options::default()
        };
        (Compiler::rustup("nightly"), options)
    } else {
        let toolchain = match toolchain {
            Some(dir) => dir,
            None => crate::dist()?,
        };
        let compiler = Compiler::toolchain(&toolchain);
        toolchain_dir = Some(toolchain);
        (compiler, Options::default())
    };
    eprintln!(
        "== checking the Rust blocks of {} file(s) with `{}` ==",
        files.len(),
        compiler.program.display()
    );
    let report = match &toolchain_dir {
        Some(dir) => snippets::check_markdown(&files, dir),
        None => snippets::check_markdown_with(&files, &compiler, &options),
    };
    eprintln!("{report}");
    if report.is_ok() {
        Ok(())
    } else {
        Err("rfc-check failed".to_string())
    }
}

/// `rfcs/README.md` and `rfcs/text/*.md`, sorted.
pub fn rfc_files(workspace: &Path) -> Result<Vec<PathBuf>, String> {
    let text_dir = workspace.join("rfcs/text");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&text_dir)
        .map_err(|err| format!("cannot read `{}`: {err}", text_dir.display()))?
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .collect();
    files.sort();
    files.insert(0, workspace.join("rfcs/README.md"));
    Ok(files)
}
