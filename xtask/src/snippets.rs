//! Checking the ```rust code blocks of Markdown files, rustdoc style: `cargo x rfc-check` (the
//! RFC drafts under `rfcs/text/`) and `cargo x book-check` call [`check_markdown`].
//!
//! Std only and free of the rest of xtask, so tests can include this file with `#[path]`.
//!
//! # What a block must do
//!
//! The fence line's info string says it, with rustdoc's annotations:
//!
//! | fence | the block must |
//! |---|---|
//! | ```` ```rust ```` | compile; if it has a `fn main`, also run and exit successfully |
//! | ```` ```rust,no_run ```` | compile (it is not run) |
//! | ```` ```rust,should_panic ```` | compile, run, and panic (exit status 101, a `panicked` line) |
//! | ```` ```rust,compile_fail ```` | fail to compile |
//! | ```` ```rust,compile_fail,E0626 ```` | fail to compile with an `error[E0626]` |
//! | ```` ```rust,ignore (needs network) ```` | nothing: skipped, but the reason in parentheses is required |
//! | ```` ```rust,edition2021 ```` | … as above, compiled as edition 2021 (default: 2024) |
//! | ```` ```text ````, ```` ```console ````, ```` ``` ```` … | nothing: not Rust |
//!
//! A block is Rust when its first word is `rust` or every word is one of the annotations above
//! (```` ```compile_fail ```` is Rust, like in rustdoc). An unknown word in a Rust block
//! (`should-panic`, `compile-fail`, …) and an error code without `compile_fail` are errors, so a
//! typo cannot silently turn a check off. A fence without an info string is not Rust.
//!
//! # How a block is compiled
//!
//! Like rustdoc: lines starting with `# ` (or a lone `#`) are compiled but meant to be hidden by
//! the renderer; a block without `fn main` is wrapped in one, with its leading inner attributes
//! (`#![feature(..)]`, …) hoisted to the top of the crate, and `#![allow(unused)]` is added.
//! Each block is one binary crate, compiled in its own temporary directory by the given
//! compiler (the assembled yieldc toolchain's `bin/rustc`), at most [`Options::jobs`] at a
//! time. Failures are reported with the `file:line` of the block's opening fence.

use std::fmt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Checks every Rust block of the Markdown files `paths` with the toolchain assembled at
/// `toolchain` (a directory with `bin/rustc`, as `cargo x dist` builds it), with the default
/// [`Options`]. A file that cannot be read is reported as a failure.
pub fn check_markdown(paths: &[PathBuf], toolchain: &Path) -> Report {
    check_markdown_with(paths, &Compiler::toolchain(toolchain), &Options::default())
}

/// [`check_markdown`] with an explicit compiler (for example nightly's `rustc`, to confirm that
/// the examples behave the same there) and options.
pub fn check_markdown_with(paths: &[PathBuf], compiler: &Compiler, options: &Options) -> Report {
    let mut report = Report::default();
    let mut blocks = Vec::new();
    for path in paths {
        match std::fs::read_to_string(path) {
            Ok(text) => {
                let (found, errors) = extract_blocks(path, &text);
                blocks.extend(found);
                report.failures.extend(errors);
            }
            Err(err) => report.failures.push(Failure {
                file: path.clone(),
                line: 0,
                message: format!("cannot read the file: {err}"),
            }),
        }
    }
    let mut to_compile = Vec::new();
    for block in blocks {
        if let Mode::Ignore { .. } = block.mode {
            report.ignored += 1;
        } else if options
            .skip_containing
            .iter()
            .any(|needle| block.code.contains(needle.as_str()))
        {
            report.skipped += 1;
        } else {
            to_compile.push(block);
        }
    }
    let scratch = std::env::temp_dir().join(format!(
        "yieldc-snippets-{}-{}",
        std::process::id(),
        SCRATCH_COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..options.jobs.max(1) {
            scope.spawn(|| loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                let Some(block) = to_compile.get(index) else {
                    break;
                };
                let dir = scratch.join(index.to_string());
                if let Err(message) = check_block(block, compiler, options, &dir) {
                    failures.lock().unwrap().push(Failure {
                        file: block.file.clone(),
                        line: block.line,
                        message,
                    });
                }
            });
        }
    });
    if !options.keep_temporaries {
        let _ = std::fs::remove_dir_all(&scratch);
    }
    report.checked = to_compile.len();
    report.failures.extend(failures.into_inner().unwrap());
    report
        .failures
        .sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    report
}

/// The compiler a block is given to: `program args.. --edition E snippet.rs -o ..`.
#[derive(Clone, Debug)]
pub struct Compiler {
    pub program: PathBuf,
    /// Arguments before the compiler's own (for example `run nightly rustc` with `rustup`).
    pub leading_args: Vec<String>,
}

impl Compiler {
    /// The `rustc` of an assembled yieldc toolchain.
    pub fn toolchain(toolchain: &Path) -> Compiler {
        // Blocks are compiled in their own directories: a relative path must not change meaning.
        let toolchain = std::path::absolute(toolchain).unwrap_or_else(|_| toolchain.to_path_buf());
        Compiler {
            program: toolchain
                .join("bin")
                .join(format!("rustc{}", std::env::consts::EXE_SUFFIX)),
            leading_args: Vec::new(),
        }
    }

    /// The `rustc` of a rustup toolchain (`rustup run NAME rustc`), e.g. `nightly`.
    pub fn rustup(toolchain_name: &str) -> Compiler {
        Compiler {
            program: PathBuf::from("rustup"),
            leading_args: vec!["run".into(), toolchain_name.into(), "rustc".into()],
        }
    }
}

/// How blocks are checked.
#[derive(Clone, Debug)]
pub struct Options {
    /// Blocks compiled at the same time (default 2, or `YIELDC_SNIPPET_JOBS`).
    pub jobs: usize,
    /// A block's program is killed after this long (default 60 s).
    pub run_timeout: Duration,
    /// Blocks whose code contains one of these strings are not compiled (counted in
    /// [`Report::skipped`]); e.g. `yieldc_rt` when checking against nightly.
    pub skip_containing: Vec<String>,
    /// Keep the temporary directories (for debugging a failure).
    pub keep_temporaries: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            jobs: std::env::var("YIELDC_SNIPPET_JOBS")
                .ok()
                .and_then(|jobs| jobs.parse().ok())
                .unwrap_or(2),
            run_timeout: Duration::from_secs(60),
            skip_containing: Vec::new(),
            keep_temporaries: false,
        }
    }
}

/// The outcome of a check.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Blocks compiled (and run, where required).
    pub checked: usize,
    /// Blocks marked `ignore (reason)`.
    pub ignored: usize,
    /// Blocks left out by [`Options::skip_containing`].
    pub skipped: usize,
    /// Every failure, sorted by file and line.
    pub failures: Vec<Failure>,
}

impl Report {
    pub fn is_ok(&self) -> bool {
        self.failures.is_empty()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for failure in &self.failures {
            writeln!(f, "{failure}")?;
        }
        write!(
            f,
            "{} block(s) checked, {} ignored, {} skipped, {} failure(s)",
            self.checked,
            self.ignored,
            self.skipped,
            self.failures.len()
        )
    }
}

/// One failing block (or an annotation error), at the line of its opening fence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    pub file: PathBuf,
    /// 1-based line of the opening fence (0: the whole file).
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "error: {}:{}: {}",
            self.file.display(),
            self.line,
            self.message.trim_end()
        )
    }
}

/// What a Rust block must do, from its fence annotations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Compile; run if it has a `fn main` of its own.
    Run,
    /// Compile only.
    NoRun,
    /// Compile, run, panic.
    ShouldPanic,
    /// Fail to compile (with this error code, if given).
    CompileFail { code: Option<String> },
    /// Not compiled.
    Ignore { reason: String },
}

/// The annotations of a Rust block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Annotations {
    pub mode: Mode,
    /// `2015`, `2018`, `2021` or `2024` (the default).
    pub edition: String,
}

/// A Rust block found in a Markdown file.
#[derive(Clone, Debug)]
pub struct Block {
    pub file: PathBuf,
    /// 1-based line of the opening fence.
    pub line: usize,
    pub mode: Mode,
    pub edition: String,
    /// The block's text (hidden `# ` lines included, without their marker).
    pub code: String,
}

/// Reads a fence's info string: `Ok(None)` for a block that is not Rust, `Err` for a Rust block
/// with invalid annotations.
pub fn parse_info_string(info: &str) -> Result<Option<Annotations>, String> {
    let info = info.trim();
    // `ignore (reason)`: the parenthesized text is free prose.
    let (words, reason) = match info.find('(') {
        Some(open) => {
            let close = info.rfind(')').filter(|&close| close > open);
            let Some(close) = close else {
                return Err(format!("unclosed `(` in the fence's info string `{info}`"));
            };
            (
                &info[..open],
                Some(info[open + 1..close].trim().to_string()),
            )
        }
        None => (info, None),
    };
    let words: Vec<&str> = words
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|word| !word.is_empty())
        .collect();
    let Some(first) = words.first() else {
        return Ok(None);
    };
    let is_rust = *first == "rust" || words.iter().all(|word| is_annotation(word));
    if !is_rust {
        return Ok(None);
    }
    let mut edition = "2024".to_string();
    let (mut ignore, mut no_run, mut should_panic, mut compile_fail) = (false, false, false, false);
    let mut code = None;
    for word in &words {
        match *word {
            "rust" => {}
            "ignore" => ignore = true,
            "no_run" => no_run = true,
            "should_panic" => should_panic = true,
            "compile_fail" => compile_fail = true,
            _ if word.starts_with("edition") && is_edition(&word["edition".len()..]) => {
                edition = word["edition".len()..].to_string();
            }
            _ if is_error_code(word) => {
                if code.replace(word.to_string()).is_some() {
                    return Err("more than one error code in the fence".to_string());
                }
            }
            other => {
                return Err(format!(
                    "unknown annotation `{other}` on a Rust block (known: ignore (reason), \
                     no_run, should_panic, compile_fail, E0XXX, edition20XX)"
                ))
            }
        }
    }
    if reason.is_some() && !ignore {
        return Err("a parenthesized reason is only allowed with `ignore`".to_string());
    }
    let modes = [ignore, no_run, should_panic, compile_fail]
        .iter()
        .filter(|set| **set)
        .count();
    if modes > 1 {
        return Err(
            "`ignore`, `no_run`, `should_panic` and `compile_fail` exclude each other".to_string(),
        );
    }
    if code.is_some() && !compile_fail {
        return Err("an error code needs `compile_fail`".to_string());
    }
    let mode = if ignore {
        match reason {
            Some(reason) if !reason.is_empty() => Mode::Ignore { reason },
            _ => return Err(
                "`ignore` needs a reason on the fence line, e.g. ```rust,ignore (needs network)"
                    .to_string(),
            ),
        }
    } else if no_run {
        Mode::NoRun
    } else if should_panic {
        Mode::ShouldPanic
    } else if compile_fail {
        Mode::CompileFail { code }
    } else {
        Mode::Run
    };
    Ok(Some(Annotations { mode, edition }))
}

/// The Rust blocks of one Markdown text (and the errors in their annotations or fences).
pub fn extract_blocks(file: &Path, text: &str) -> (Vec<Block>, Vec<Failure>) {
    let mut blocks = Vec::new();
    let mut errors = Vec::new();
    let mut lines = text.lines().enumerate();
    while let Some((index, line)) = lines.next() {
        let Some((indent, fence, info)) = opening_fence(line) else {
            if line.trim_start().starts_with("```") && !in_fence_like(line) {
                // CommonMark: a backtick in a backtick fence's info string makes the line
                // ordinary text, and every later fence pairs up wrongly.
                errors.push(Failure {
                    file: file.to_path_buf(),
                    line: index + 1,
                    message: "a backtick in the info string: this line is not a fence \
                              (CommonMark); remove the backticks from the annotation"
                        .to_string(),
                });
            }
            continue;
        };
        let mut body = Vec::new();
        let mut closed = false;
        for (_, inner) in lines.by_ref() {
            if is_closing_fence(inner, &fence) {
                closed = true;
                break;
            }
            // Content is de-indented by up to the fence's indentation (CommonMark).
            let strip = inner
                .char_indices()
                .take_while(|(at, c)| *at < indent && *c == ' ')
                .count();
            body.push(&inner[strip..]);
        }
        let failure = |message: String| Failure {
            file: file.to_path_buf(),
            line: index + 1,
            message,
        };
        if !closed {
            errors.push(failure("code block is never closed".to_string()));
            break;
        }
        match parse_info_string(info) {
            Ok(None) => {}
            Ok(Some(annotations)) => blocks.push(Block {
                file: file.to_path_buf(),
                line: index + 1,
                mode: annotations.mode,
                edition: annotations.edition,
                code: unhide(&body),
            }),
            Err(message) => errors.push(failure(message)),
        }
    }
    (blocks, errors)
}

/// The crate a block is compiled as: hidden-line markers removed, wrapped in `fn main` if it has
/// none, inner attributes hoisted.
pub fn crate_source(code: &str) -> String {
    let mut source = String::from("#![allow(unused)]\n");
    if has_main(code) {
        source.push_str(code);
        return source;
    }
    let mut lines = code.lines().peekable();
    let mut depth = 0i32;
    while let Some(line) = lines.peek() {
        let trimmed = line.trim();
        let in_attribute = depth > 0 || trimmed.starts_with("#![");
        if in_attribute {
            depth += bracket_balance(trimmed);
        } else if !(trimmed.is_empty() || trimmed.starts_with("//")) {
            break;
        }
        source.push_str(line);
        source.push('\n');
        lines.next();
    }
    source.push_str("fn main() {\n");
    for line in lines {
        source.push_str(line);
        source.push('\n');
    }
    source.push_str("}\n");
    source
}

static SCRATCH_COUNTER: AtomicUsize = AtomicUsize::new(0);

fn check_block(
    block: &Block,
    compiler: &Compiler,
    options: &Options,
    dir: &Path,
) -> Result<(), String> {
    std::fs::create_dir_all(dir)
        .map_err(|err| format!("cannot create `{}`: {err}", dir.display()))?;
    let source = dir.join("snippet.rs");
    std::fs::write(&source, crate_source(&block.code)).map_err(|err| err.to_string())?;
    let binary = dir.join(format!("snippet{}", std::env::consts::EXE_SUFFIX));
    let output = Command::new(&compiler.program)
        .args(&compiler.leading_args)
        .arg("--edition")
        .arg(&block.edition)
        .args(["--crate-type", "bin", "--crate-name", "snippet"])
        .args(["--color", "never", "-o"])
        .arg(&binary)
        .arg(&source)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .map_err(|err| format!("cannot run `{}`: {err}", compiler.program.display()))?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    let compiled = output.status.success();
    match &block.mode {
        Mode::Ignore { .. } => Ok(()),
        Mode::CompileFail { code } => {
            if compiled {
                return Err("`compile_fail` block compiled successfully".to_string());
            }
            if stderr.contains("internal compiler error") || output.status.code() == Some(101) {
                return Err(format!("the compiler crashed:\n{}", indent(&stderr)));
            }
            match code {
                Some(code) if !stderr.contains(&format!("error[{code}]")) => Err(format!(
                    "`compile_fail` block failed, but not with {code}:\n{}",
                    indent(&stderr)
                )),
                _ => Ok(()),
            }
        }
        mode => {
            if !compiled {
                return Err(format!(
                    "block failed to compile ({}):\n{}",
                    output.status,
                    indent(&stderr)
                ));
            }
            let run = match mode {
                Mode::NoRun => false,
                Mode::ShouldPanic => true,
                _ => has_main(&block.code),
            };
            if !run {
                return Ok(());
            }
            let (status, run_stderr) = run_with_timeout(&binary, dir, options.run_timeout)?;
            let panicked = status == Some(101) && run_stderr.contains("panicked");
            match (mode, status) {
                (Mode::ShouldPanic, _) if panicked => Ok(()),
                (Mode::ShouldPanic, _) => Err(format!(
                    "`should_panic` block did not panic (exit status {status:?}):\n{}",
                    indent(&run_stderr)
                )),
                (_, Some(0)) => Ok(()),
                _ => Err(format!(
                    "block's program failed (exit status {status:?}):\n{}",
                    indent(&run_stderr)
                )),
            }
        }
    }
}

/// Runs `binary`; `None` as status when it was killed (timeout or signal).
fn run_with_timeout(
    binary: &Path,
    dir: &Path,
    timeout: Duration,
) -> Result<(Option<i32>, String), String> {
    let stderr_path = dir.join("run.stderr");
    let stderr_file = std::fs::File::create(&stderr_path).map_err(|err| err.to_string())?;
    let mut child = Command::new(binary)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(stderr_file)
        .env("RUST_BACKTRACE", "0")
        .spawn()
        .map_err(|err| format!("cannot run the block's program: {err}"))?;
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|err| err.to_string())? {
            break status;
        }
        if started.elapsed() > timeout {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("block's program ran longer than {timeout:?}"));
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let stderr = std::fs::read_to_string(&stderr_path).unwrap_or_default();
    Ok((status.code(), stderr))
}

/// An opening fence: (indentation, fence characters, info string).
fn opening_fence(line: &str) -> Option<(usize, String, &str)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let rest = &line[indent..];
    let marker = rest.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let count = rest.chars().take_while(|c| *c == marker).count();
    if count < 3 {
        return None;
    }
    let info = &rest[count..];
    if marker == '`' && info.contains('`') {
        return None;
    }
    Some((indent, rest[..count].to_string(), info))
}

fn is_closing_fence(line: &str, fence: &str) -> bool {
    let trimmed = line.trim_start_matches(' ');
    if line.len() - trimmed.len() > 3 {
        return false;
    }
    let marker = fence.chars().next().unwrap_or('`');
    let count = trimmed.chars().take_while(|c| *c == marker).count();
    count >= fence.len() && trimmed[count..].trim().is_empty()
}

/// A line of only backticks and text without backticks after them is a valid fence; this is
/// the remaining case of a line starting with three backticks: inline code such as
/// ```` ```x``` ```` in prose, which is not a fence either but is not a mistake.
fn in_fence_like(line: &str) -> bool {
    let rest = line.trim_start().trim_start_matches('`');
    rest.trim_end().ends_with('`') && !rest.contains('(')
}

/// Removes rustdoc's hidden-line markers (`# code` → `code`, `#` → empty; `##` → `#`).
fn unhide(lines: &[&str]) -> String {
    let mut code = String::new();
    for line in lines {
        let trimmed = line.trim_start();
        let shown = if trimmed == "#" {
            ""
        } else if let Some(rest) = trimmed.strip_prefix("# ") {
            rest
        } else if trimmed.starts_with("##") {
            &trimmed[1..]
        } else {
            line
        };
        code.push_str(shown);
        code.push('\n');
    }
    code
}

/// Whether the code defines `fn main` (outside line comments), like rustdoc's check.
fn has_main(code: &str) -> bool {
    code.lines().any(|line| {
        let line = line.split("//").next().unwrap_or_default();
        let mut rest = line;
        while let Some(at) = rest.find("fn main") {
            let before_ok = at == 0 || !is_ident_char(rest[..at].chars().last().unwrap_or(' '));
            let after = &rest[at + "fn main".len()..];
            let after_ok = !after.chars().next().is_some_and(is_ident_char);
            if before_ok && after_ok {
                return true;
            }
            rest = after;
        }
        false
    })
}

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn bracket_balance(line: &str) -> i32 {
    line.chars()
        .map(|c| match c {
            '[' => 1,
            ']' => -1,
            _ => 0,
        })
        .sum()
}

fn is_annotation(word: &str) -> bool {
    matches!(word, "ignore" | "no_run" | "should_panic" | "compile_fail")
        || word.strip_prefix("edition").is_some_and(is_edition)
        || is_error_code(word)
}

fn is_edition(year: &str) -> bool {
    matches!(year, "2015" | "2018" | "2021" | "2024")
}

fn is_error_code(word: &str) -> bool {
    word.len() == 5 && word.starts_with('E') && word[1..].chars().all(|c| c.is_ascii_digit())
}

fn indent(text: &str) -> String {
    text.lines().map(|line| format!("    {line}\n")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn annotations(info: &str) -> Annotations {
        parse_info_string(info)
            .expect("valid annotations")
            .expect("a Rust block")
    }

    #[test]
    fn plain_rust_runs_in_edition_2024() {
        assert_eq!(
            annotations("rust"),
            Annotations {
                mode: Mode::Run,
                edition: "2024".into()
            }
        );
    }

    #[test]
    fn modes_and_editions() {
        assert_eq!(annotations("rust,no_run").mode, Mode::NoRun);
        assert_eq!(annotations("rust, should_panic").mode, Mode::ShouldPanic);
        assert_eq!(
            annotations("rust,compile_fail").mode,
            Mode::CompileFail { code: None }
        );
        assert_eq!(
            annotations("rust,compile_fail,E0626").mode,
            Mode::CompileFail {
                code: Some("E0626".into())
            }
        );
        assert_eq!(
            annotations("compile_fail").mode,
            Mode::CompileFail { code: None }
        );
        assert_eq!(annotations("rust,edition2021").edition, "2021");
        assert_eq!(
            annotations("rust,ignore (needs the `futures` crate)").mode,
            Mode::Ignore {
                reason: "needs the `futures` crate".into()
            }
        );
    }

    #[test]
    fn other_languages_are_skipped() {
        for info in [
            "",
            "text",
            "console",
            "toml",
            "sh",
            "rust-script-ish",
            "diff",
        ] {
            assert_eq!(parse_info_string(info), Ok(None), "{info:?}");
        }
    }

    #[test]
    fn invalid_annotations_are_errors() {
        for info in [
            "rust,ignore",
            "rust,ignore ()",
            "rust,should-panic",
            "rust,compile-fail",
            "rust,E0626",
            "rust,compile_fail,E0626,E0499",
            "rust,no_run,should_panic",
            "rust,no_run (why)",
            "rust,ignore (unclosed",
        ] {
            assert!(
                parse_info_string(info).is_err(),
                "{info:?} should be an error"
            );
        }
    }

    #[test]
    fn blocks_are_found_with_their_fence_lines() {
        let text = "# Title\n\n```rust\nfn main() {}\n```\n\n```text\nnot rust\n```\n\n  ````rust,compile_fail,E0308\n  let x: u8 = \"\";\n  ````\n```rust,ignore\n```\n";
        let (blocks, errors) = extract_blocks(Path::new("a.md"), text);
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[0].line, 3);
        assert_eq!(blocks[0].code, "fn main() {}\n");
        assert_eq!(blocks[1].line, 11);
        assert_eq!(blocks[1].code, "let x: u8 = \"\";\n");
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line, 14);
        assert!(errors[0].message.contains("needs a reason"));
    }

    #[test]
    fn backticks_in_the_info_string_are_an_error() {
        let text = "```rust,ignore (needs `futures`)\nlet x = 1;\n```\n";
        let (blocks, errors) = extract_blocks(Path::new("a.md"), text);
        assert!(blocks.is_empty());
        assert_eq!(errors[0].line, 1);
        assert!(errors[0].message.contains("not a fence"), "{errors:?}");
    }

    #[test]
    fn unclosed_block_is_an_error() {
        let (_, errors) = extract_blocks(Path::new("a.md"), "text\n```rust\nfn main() {}\n");
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line, 2);
    }

    #[test]
    fn blocks_without_main_are_wrapped_with_attributes_hoisted() {
        let source = crate_source("#![feature(gen_blocks)]\n// a comment\nlet v = 1;\n");
        assert_eq!(
            source,
            "#![allow(unused)]\n#![feature(gen_blocks)]\n// a comment\nfn main() {\nlet v = 1;\n}\n"
        );
        let source = crate_source("fn main() {}\n");
        assert_eq!(source, "#![allow(unused)]\nfn main() {}\n");
    }

    #[test]
    fn hidden_lines_are_compiled() {
        let (blocks, _) = extract_blocks(
            Path::new("a.md"),
            "```rust\n# #![feature(gen_blocks)]\n#\nlet x = 1;\n```\n",
        );
        assert_eq!(blocks[0].code, "#![feature(gen_blocks)]\n\nlet x = 1;\n");
    }

    #[test]
    fn main_detection() {
        assert!(has_main("fn main() {}"));
        assert!(has_main("async fn main() {}"));
        assert!(!has_main("fn main_loop() {}"));
        assert!(!has_main("// fn main() {}"));
        assert!(!has_main("fn domain() {}"));
    }
}
