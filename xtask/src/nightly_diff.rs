//! `cargo x nightly-diff`: every UI case built natively by nightly `rustc` and by the yieldc
//! toolchain (on stable), compared. std only, so `ui-tests/tests/nightly_diff.rs` includes this
//! file (`#[path]`) and runs it under `cargo test`.
//!
//! Per case (`ui-tests/tests/ui/<group>/<name>.rs`, except the `extensions` group, which nightly
//! does not have) both compilers get the same command line (`--edition` from `//@edition:`,
//! 2024 otherwise; `//@compile-flags:`; `--error-format=short`) from the same directory, and what
//! is compared is:
//! - the outcome: compiled or rejected;
//! - if rejected: the set of (error code, primary line) pairs (codeless errors count with `-`);
//! - if compiled (and the case is `//@run`): exit status, stdout, and stderr with thread ids
//!   removed (so panic messages and their locations count).
//!
//! A case is `same`, `differs` (both compile or both reject, with a difference), or
//! `nightly-only` (nightly compiles it, yieldc rejects it). Every difference must be listed in
//! `ui-tests/nightly-diff-allow.toml` with a reason:
//! ```toml
//! [[allow]]
//! case = "group/name.rs"
//! reason = "FIXME: what yieldc does differently and why"
//! ```

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The group nightly has no counterpart for.
pub const EXCLUDED_GROUP: &str = "extensions";

/// What to compare, with which compilers, where.
#[derive(Clone, Debug)]
pub struct Options {
    /// `ui-tests/`: the compilers run here, on `tests/ui/<group>/<name>.rs`.
    pub suite_dir: PathBuf,
    /// The yieldc toolchain's `rustc`.
    pub yieldc_rustc: PathBuf,
    /// Nightly's `rustc` (see [`nightly_rustc`]).
    pub nightly_rustc: PathBuf,
    /// Where binaries go.
    pub scratch: PathBuf,
    /// Cases compiled at the same time.
    pub jobs: usize,
    /// Only cases whose `group/name.rs` contains this.
    pub filter: Option<String>,
}

/// The result of one run.
#[derive(Debug, Default)]
pub struct Report {
    /// The printed table and differences.
    pub text: String,
    /// Differences not in the allow file.
    pub unexplained: usize,
}

/// Nightly's `rustc`, or `None` when no nightly toolchain is installed.
pub fn nightly_rustc() -> Option<PathBuf> {
    let output = Command::new("rustup")
        .args(["which", "--toolchain", "nightly", "rustc"])
        .stderr(Stdio::null())
        .output()
        .ok()?;
    if !output.status.success() {
        return None;
    }
    let path = PathBuf::from(String::from_utf8_lossy(&output.stdout).trim());
    path.exists().then_some(path)
}

/// Compares every case; the report's text is the table per group followed by each difference.
pub fn run(options: &Options) -> Result<Report, String> {
    let cases_root = options.suite_dir.join("tests/ui");
    let allowed = read_allow_file(&options.suite_dir.join("nightly-diff-allow.toml"))?;
    let mut cases = Vec::new();
    collect_cases(&cases_root, &cases_root, &mut cases)?;
    cases.retain(|case| {
        !case.starts_with(&format!("{EXCLUDED_GROUP}/"))
            && options
                .filter
                .as_ref()
                .is_none_or(|filter| case.contains(filter.as_str()))
    });
    cases.sort();
    std::fs::create_dir_all(&options.scratch)
        .map_err(|err| format!("cannot create `{}`: {err}", options.scratch.display()))?;

    let next = AtomicUsize::new(0);
    let verdicts: Mutex<BTreeMap<String, Verdict>> = Mutex::new(BTreeMap::new());
    std::thread::scope(|scope| {
        for _ in 0..options.jobs.max(1) {
            scope.spawn(|| loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                let Some(case) = cases.get(index) else { break };
                let verdict = compare_case(options, case);
                verdicts.lock().unwrap().insert(case.clone(), verdict);
            });
        }
    });
    let verdicts = verdicts.into_inner().unwrap();
    Ok(render(&verdicts, &allowed))
}

/// How one case compares.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    Same,
    Differs(String),
    NightlyOnly(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Outcome {
    /// Rejected: sorted, deduplicated (code, line) pairs.
    Rejected(Vec<(String, u32)>),
    /// Compiled, not run.
    Compiled,
    /// Compiled and run.
    Ran {
        status: Option<i32>,
        stdout: String,
        stderr: String,
    },
}

fn compare_case(options: &Options, case: &str) -> Verdict {
    let relative = format!("tests/ui/{case}");
    let source = match std::fs::read_to_string(options.suite_dir.join(&relative)) {
        Ok(source) => source,
        Err(err) => return Verdict::Differs(format!("cannot read the case: {err}")),
    };
    let directives = Directives::parse(&source);
    let stem = case.trim_end_matches(".rs").replace(['/', '-'], "__");
    let nightly = build_and_run(
        options,
        &options.nightly_rustc,
        &relative,
        &directives,
        &options.scratch.join(format!("{stem}.nightly")),
    );
    let yieldc = build_and_run(
        options,
        &options.yieldc_rustc,
        &relative,
        &directives,
        &options.scratch.join(format!("{stem}.yieldc")),
    );
    match (nightly, yieldc) {
        (Err(err), _) | (_, Err(err)) => Verdict::Differs(err),
        (Ok(nightly), Ok(yieldc)) if nightly == yieldc => Verdict::Same,
        (Ok(nightly), Ok(Outcome::Rejected(errors)))
            if !matches!(nightly, Outcome::Rejected(_)) =>
        {
            Verdict::NightlyOnly(format!(
                "nightly compiles it; yieldc rejects it with {}",
                describe_errors(&errors)
            ))
        }
        (Ok(nightly), Ok(yieldc)) => Verdict::Differs(describe_difference(&nightly, &yieldc)),
    }
}

fn describe_errors(errors: &[(String, u32)]) -> String {
    if errors.is_empty() {
        return "no error line".to_string();
    }
    errors
        .iter()
        .map(|(code, line)| format!("{code}@{line}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn describe_difference(nightly: &Outcome, yieldc: &Outcome) -> String {
    match (nightly, yieldc) {
        (Outcome::Rejected(n), Outcome::Rejected(y)) => format!(
            "errors differ: nightly {}; yieldc {}",
            describe_errors(n),
            describe_errors(y)
        ),
        (Outcome::Rejected(n), _) => format!(
            "nightly rejects it ({}); yieldc compiles it",
            describe_errors(n)
        ),
        (
            Outcome::Ran {
                status: ns,
                stdout: no,
                stderr: ne,
            },
            Outcome::Ran {
                status: ys,
                stdout: yo,
                stderr: ye,
            },
        ) => {
            let mut text = String::new();
            if ns != ys {
                let _ = write!(text, "exit status: nightly {ns:?}, yieldc {ys:?}; ");
            }
            if no != yo {
                let _ = write!(
                    text,
                    "stdout: nightly {:?}, yieldc {:?}; ",
                    first_difference(no, yo).0,
                    first_difference(no, yo).1
                );
            }
            if ne != ye {
                let _ = write!(
                    text,
                    "stderr: nightly {:?}, yieldc {:?}; ",
                    first_difference(ne, ye).0,
                    first_difference(ne, ye).1
                );
            }
            text.trim_end_matches("; ").to_string()
        }
        _ => format!("nightly {nightly:?}; yieldc {yieldc:?}"),
    }
}

/// The first line where `a` and `b` differ.
fn first_difference<'a>(a: &'a str, b: &'a str) -> (&'a str, &'a str) {
    let mut a_lines = a.lines();
    let mut b_lines = b.lines();
    loop {
        match (a_lines.next(), b_lines.next()) {
            (Some(x), Some(y)) if x == y => continue,
            (x, y) => return (x.unwrap_or("<end>"), y.unwrap_or("<end>")),
        }
    }
}

/// The `//@` directives the comparison honours (ui_test's spelling).
#[derive(Debug, Default)]
struct Directives {
    edition: Option<String>,
    run: bool,
    compile_flags: Vec<String>,
}

impl Directives {
    fn parse(source: &str) -> Directives {
        let mut directives = Directives::default();
        for line in source.lines() {
            let Some(rest) = line.trim_start().strip_prefix("//@") else {
                continue;
            };
            let rest = rest.trim();
            let (name, value) = match rest.split_once(':') {
                Some((name, value)) => (name.trim(), value.trim()),
                None => (rest, ""),
            };
            match name {
                "edition" => directives.edition = Some(value.to_string()),
                "run" => directives.run = true,
                "compile-flags" => directives
                    .compile_flags
                    .extend(value.split_whitespace().map(str::to_string)),
                _ => {}
            }
        }
        directives
    }
}

fn build_and_run(
    options: &Options,
    rustc: &Path,
    relative: &str,
    directives: &Directives,
    output: &Path,
) -> Result<Outcome, String> {
    let _ = std::fs::remove_file(output);
    let compile = Command::new(rustc)
        .current_dir(&options.suite_dir)
        .arg(relative)
        .arg("--edition")
        .arg(directives.edition.as_deref().unwrap_or("2024"))
        .args(["--error-format=short", "--color=never", "-o"])
        .arg(output)
        .args(&directives.compile_flags)
        .env_remove("RUSTC_WRAPPER")
        .env_remove("RUSTFLAGS")
        // No `rustc-ice-*.txt` files in the suite directory if a compiler crashes.
        .env("RUSTC_ICE", "0")
        .stdin(Stdio::null())
        .output()
        .map_err(|err| format!("cannot run `{}`: {err}", rustc.display()))?;
    if !compile.status.success() {
        return Ok(Outcome::Rejected(error_lines(
            &String::from_utf8_lossy(&compile.stderr),
            relative,
        )));
    }
    if !directives.run {
        return Ok(Outcome::Compiled);
    }
    let mut child = Command::new(output)
        .current_dir(&options.suite_dir)
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|err| format!("cannot run `{}`: {err}", output.display()))?;
    let started = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if started.elapsed() > Duration::from_secs(20) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("`{}` ran for more than 20s", output.display()));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(err) => return Err(err.to_string()),
        }
    }
    let result = child.wait_with_output().map_err(|err| err.to_string())?;
    Ok(Outcome::Ran {
        status: result.status.code(),
        stdout: String::from_utf8_lossy(&result.stdout).into_owned(),
        stderr: normalize_thread_ids(&String::from_utf8_lossy(&result.stderr)),
    })
}

/// `(code, line)` of every error in `--error-format=short` output (`path:line:col: error[E..]:`);
/// errors without a location in the case count with line 0.
fn error_lines(stderr: &str, relative: &str) -> Vec<(String, u32)> {
    let mut errors = Vec::new();
    for line in stderr.lines() {
        let (location, message) = match line.find(": error") {
            Some(at) if line.starts_with(relative) => (&line[..at], &line[at + 2..]),
            _ if line.starts_with("error") => ("", line),
            _ => continue,
        };
        if message.starts_with("error: aborting due to") {
            continue;
        }
        let code = message
            .strip_prefix("error[")
            .and_then(|rest| rest.split_once(']'))
            .map(|(code, _)| code.to_string())
            .unwrap_or_else(|| "-".to_string());
        let line_number = location
            .strip_prefix(relative)
            .and_then(|rest| rest.split(':').nth(1))
            .and_then(|number| number.parse().ok())
            .unwrap_or(0);
        errors.push((code, line_number));
    }
    errors.sort();
    errors.dedup();
    errors
}

/// `thread 'main' (12345) panicked` → `thread 'main' panicked`.
fn normalize_thread_ids(text: &str) -> String {
    let mut normalized = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        if let Some(rest) = line.strip_prefix("thread '") {
            if let Some((name, after)) = rest.split_once("' (") {
                if let Some((id, tail)) = after.split_once(')') {
                    if id.chars().all(|c| c.is_ascii_digit()) {
                        let _ = write!(normalized, "thread '{name}'{tail}");
                        continue;
                    }
                }
            }
        }
        normalized.push_str(line);
    }
    normalized
}

fn collect_cases(root: &Path, dir: &Path, cases: &mut Vec<String>) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dir).map_err(|err| format!("cannot read `{}`: {err}", dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if path.file_name().is_some_and(|name| name == "auxiliary") {
                continue;
            }
            collect_cases(root, &path, cases)?;
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            let relative = path.strip_prefix(root).unwrap_or(&path);
            cases.push(relative.to_string_lossy().replace('\\', "/"));
        }
    }
    Ok(())
}

/// `case → reason` from the allow file (`[[allow]]` tables with `case` and `reason`).
pub fn read_allow_file(path: &Path) -> Result<BTreeMap<String, String>, String> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(BTreeMap::new()),
        Err(err) => return Err(format!("cannot read `{}`: {err}", path.display())),
    };
    let mut allowed = BTreeMap::new();
    let mut current: (Option<String>, Option<String>) = (None, None);
    let mut finish = |current: &mut (Option<String>, Option<String>), line: usize| {
        match std::mem::take(current) {
            (None, None) => Ok(()),
            (Some(case), Some(reason)) if !reason.trim().is_empty() => {
                allowed.insert(case, reason);
                Ok(())
            }
            (case, _) => Err(format!(
                "{}:{line}: an `[[allow]]` entry needs `case` and a non-empty `reason` (case {case:?})",
                path.display()
            )),
        }
    };
    for (index, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if line == "[[allow]]" {
            finish(&mut current, index + 1)?;
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            return Err(format!(
                "{}:{}: cannot read `{line}`",
                path.display(),
                index + 1
            ));
        };
        let value = value.trim();
        let value = value
            .strip_prefix('"')
            .and_then(|value| value.strip_suffix('"'))
            .ok_or_else(|| {
                format!(
                    "{}:{}: values are one-line strings",
                    path.display(),
                    index + 1
                )
            })?
            .replace("\\\"", "\"");
        match key.trim() {
            "case" => current.0 = Some(value),
            "reason" => current.1 = Some(value),
            other => {
                return Err(format!(
                    "{}:{}: unknown key `{other}`",
                    path.display(),
                    index + 1
                ))
            }
        }
    }
    finish(&mut current, text.lines().count())?;
    Ok(allowed)
}

fn render(verdicts: &BTreeMap<String, Verdict>, allowed: &BTreeMap<String, String>) -> Report {
    #[derive(Default)]
    struct Row {
        same: usize,
        differs: usize,
        nightly_only: usize,
        allowed: usize,
    }
    let mut rows: BTreeMap<&str, Row> = BTreeMap::new();
    let mut details = String::new();
    let mut unexplained = 0;
    for (case, verdict) in verdicts {
        let group = case.split('/').next().unwrap_or(case);
        let row = rows.entry(group).or_default();
        let (kind, detail) = match verdict {
            Verdict::Same => {
                row.same += 1;
                if allowed.contains_key(case) {
                    let _ = writeln!(
                        details,
                        "note: {case} is the same on both now; remove it from the allow file"
                    );
                }
                continue;
            }
            Verdict::Differs(detail) => {
                row.differs += 1;
                ("differs", detail)
            }
            Verdict::NightlyOnly(detail) => {
                row.nightly_only += 1;
                ("nightly-only", detail)
            }
        };
        match allowed.get(case) {
            Some(reason) => {
                row.allowed += 1;
                let _ = writeln!(
                    details,
                    "allowed {kind} {case}: {detail}\n    reason: {reason}"
                );
            }
            None => {
                unexplained += 1;
                let _ = writeln!(details, "UNEXPLAINED {kind} {case}: {detail}");
            }
        }
    }
    let mut text = String::new();
    let _ = writeln!(
        text,
        "{:<14} {:>5} {:>5} {:>8} {:>13} {:>8}",
        "group", "cases", "same", "differs", "nightly-only", "allowed"
    );
    let mut total = Row::default();
    for (group, row) in &rows {
        let cases = row.same + row.differs + row.nightly_only;
        let _ = writeln!(
            text,
            "{group:<14} {cases:>5} {:>5} {:>8} {:>13} {:>8}",
            row.same, row.differs, row.nightly_only, row.allowed
        );
        total.same += row.same;
        total.differs += row.differs;
        total.nightly_only += row.nightly_only;
        total.allowed += row.allowed;
    }
    let _ = writeln!(
        text,
        "{:<14} {:>5} {:>5} {:>8} {:>13} {:>8}",
        "total",
        total.same + total.differs + total.nightly_only,
        total.same,
        total.differs,
        total.nightly_only,
        total.allowed
    );
    for case in allowed.keys() {
        if !verdicts.contains_key(case) {
            let _ = writeln!(
                details,
                "note: the allow file lists `{case}`, which was not compared"
            );
        }
    }
    if !details.is_empty() {
        text.push('\n');
        text.push_str(&details);
    }
    Report { text, unexplained }
}
