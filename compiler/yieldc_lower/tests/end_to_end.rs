//! End to end: every program in `tests/programs/*.rs` is lowered, compiled by the stable
//! `rustc` against the runtime, run, and compared with the same program compiled natively by
//! nightly (`rustup run nightly rustc`), which is the oracle.
//!
//! Directives (first lines of a program):
//! - `//@ edition: 2021` (default 2024);
//! - `//@ nightly-error: E0626`: nightly rejects the program with E0626; the lowered program
//!   must be rejected with E0506 from a check copy, whose borrow is on the same original line
//!   as nightly's error;
//! - `//@ fixme-accepted: E0626`: a known divergence (the program says why): nightly rejects
//!   the program with that code, yieldc accepts it; the lowered program must compile and run.
//!
//! When nightly is not installed the comparison is skipped with a printed note; the lowered
//! program must still compile and run successfully (or be rejected, for `nightly-error`).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use yieldc_lower::{Edition, LowerOptions, Lowered};

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn scratch_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("yieldc_lower_end_to_end")
}

/// The runtime rlib, compiled once with the stable `rustc` (no cargo: no build-lock games).
fn runtime_rlib() -> &'static Path {
    static RLIB: OnceLock<PathBuf> = OnceLock::new();
    RLIB.get_or_init(|| {
        let out_dir = scratch_dir().join("runtime");
        std::fs::create_dir_all(&out_dir).expect("create scratch dir");
        let source = manifest_dir().join("../../library/yieldc_rt/src/lib.rs");
        let output = Command::new(rustc())
            .args([
                "--edition",
                "2021",
                "--crate-type",
                "rlib",
                "--crate-name",
                "yieldc_rt",
            ])
            .args([
                "--cfg",
                "feature=\"alloc\"",
                "-A",
                "warnings",
                "-C",
                "debuginfo=0",
            ])
            .arg(&source)
            .arg("--out-dir")
            .arg(&out_dir)
            .output()
            .expect("run rustc for yieldc_rt");
        assert!(
            output.status.success(),
            "building yieldc_rt failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        out_dir.join("libyieldc_rt.rlib")
    })
}

fn rustc() -> String {
    std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_owned())
}

fn nightly_available() -> bool {
    static AVAILABLE: OnceLock<bool> = OnceLock::new();
    *AVAILABLE.get_or_init(|| {
        Command::new("rustup")
            .args(["run", "nightly", "rustc", "--version"])
            .output()
            .map(|output| output.status.success())
            .unwrap_or(false)
    })
}

struct Program {
    name: String,
    source: String,
    edition: Edition,
    nightly_error: Option<String>,
    fixme_accepted: Option<String>,
}

fn programs() -> Vec<Program> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(manifest_dir().join("tests/programs"))
        .expect("tests/programs")
        .map(|entry| entry.expect("dir entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "rs"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let source = std::fs::read_to_string(&path).expect("read program");
            let mut edition = Edition::E2024;
            let mut nightly_error = None;
            let mut fixme_accepted = None;
            for line in source.lines().take_while(|line| line.starts_with("//@")) {
                if let Some(value) = line.strip_prefix("//@ edition:") {
                    edition = Edition::from_flag(value.trim()).expect("edition");
                }
                if let Some(value) = line.strip_prefix("//@ nightly-error:") {
                    nightly_error = Some(value.trim().to_owned());
                }
                if let Some(value) = line.strip_prefix("//@ fixme-accepted:") {
                    fixme_accepted = Some(value.trim().to_owned());
                }
            }
            Program {
                name: path.file_stem().unwrap().to_string_lossy().into_owned(),
                source,
                edition,
                nightly_error,
                fixme_accepted,
            }
        })
        .collect()
}

fn edition_flag(edition: Edition) -> &'static str {
    match edition {
        Edition::E2015 => "2015",
        Edition::E2018 => "2018",
        Edition::E2021 => "2021",
        Edition::E2024 => "2024",
    }
}

struct Compiled {
    success: bool,
    stderr: String,
    binary: PathBuf,
}

fn compile(mut command: Command, source_path: &Path, binary: &Path, json: bool) -> Compiled {
    command
        .arg(source_path)
        .arg("-o")
        .arg(binary)
        .args(["-A", "warnings", "-C", "debuginfo=0"]);
    if json {
        command.arg("--error-format=json");
    }
    let output = command.output().expect("run rustc");
    Compiled {
        success: output.status.success(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        binary: binary.to_owned(),
    }
}

fn run(binary: &Path) -> (String, Option<i32>) {
    let output = Command::new(binary).output().expect("run program");
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        output.status.code(),
    )
}

/// `(code, primary line, lines of the "borrowed here" labels)` of each error in rustc's JSON output, with lines
/// computed through `line_of`.
fn json_errors(
    stderr: &str,
    mut line_of: impl FnMut(&serde_json::Value, bool) -> usize,
) -> Vec<(String, usize, Vec<usize>)> {
    let mut errors = Vec::new();
    for line in stderr.lines() {
        let Ok(value) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        if value["level"] != "error" {
            continue;
        }
        let code = value["code"]["code"].as_str().unwrap_or("").to_owned();
        let mut primary = 0;
        let mut others = Vec::new();
        for span in value["spans"].as_array().into_iter().flatten() {
            if span["is_primary"] == true {
                primary = line_of(span, true);
            } else if span["label"]
                .as_str()
                .is_some_and(|label| label.contains("borrowed here"))
            {
                others.push(line_of(span, false));
            }
        }
        errors.push((code, primary, others));
    }
    errors
}

fn original_line(source: &str, offset: usize) -> usize {
    source[..offset.min(source.len())].matches('\n').count() + 1
}

fn check_program(program: &Program) -> Result<String, String> {
    let dir = scratch_dir().join(&program.name);
    std::fs::create_dir_all(&dir).map_err(|error| error.to_string())?;
    let options = LowerOptions {
        edition: program.edition,
        is_crate_root: true,
        ..Default::default()
    };
    let lowered: Lowered = yieldc_lower::lower(&program.source, &options);
    let errors: Vec<_> = lowered
        .diagnostics
        .iter()
        .filter(|d| d.level == yieldc_lower::Level::Error)
        .collect();
    if !errors.is_empty() {
        return Err(format!("lowering reported errors: {errors:#?}"));
    }
    let lowered_dir = dir.join("lowered");
    std::fs::create_dir_all(&lowered_dir).map_err(|error| error.to_string())?;
    let lowered_path = lowered_dir.join(format!("{}.rs", program.name));
    std::fs::write(&lowered_path, &lowered.text).map_err(|error| error.to_string())?;
    let original_path = dir.join(format!("{}.rs", program.name));
    std::fs::write(&original_path, &program.source).map_err(|error| error.to_string())?;
    let edition = edition_flag(program.edition);

    let mut stable = Command::new(rustc());
    stable
        .args(["--edition", edition, "--crate-name", &program.name])
        .arg("--extern")
        .arg(format!("yieldc_rt={}", runtime_rlib().display()));
    let lowered_build = compile(
        stable,
        &lowered_path,
        &dir.join("lowered.bin"),
        program.nightly_error.is_some(),
    );

    let nightly = if nightly_available() {
        let mut command = Command::new("rustup");
        command.args([
            "run",
            "nightly",
            "rustc",
            "--edition",
            edition,
            "--crate-name",
            &program.name,
        ]);
        Some(compile(
            command,
            &original_path,
            &dir.join("nightly.bin"),
            program.nightly_error.is_some(),
        ))
    } else {
        None
    };

    if let Some(expected_code) = &program.nightly_error {
        if lowered_build.success {
            return Err("the lowered program compiled, but nightly rejects it".to_owned());
        }
        let ours = json_errors(&lowered_build.stderr, |span, _| {
            let lowered_offset = span["byte_start"].as_u64().unwrap_or(0) as usize;
            original_line(
                &program.source,
                lowered.source_map.to_original(lowered_offset),
            )
        });
        let in_copy: Vec<bool> = lowered_build
            .stderr
            .lines()
            .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
            .filter(|value| value["level"] == "error" && value["code"]["code"] == "E0506")
            .map(|value| {
                value["spans"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter(|span| span["is_primary"] == true)
                    .all(|span| {
                        lowered
                            .source_map
                            .is_check_copy(span["byte_start"].as_u64().unwrap_or(0) as usize)
                    })
            })
            .collect();
        let e0506: Vec<_> = ours.iter().filter(|(code, _, _)| code == "E0506").collect();
        if e0506.is_empty() || in_copy.iter().any(|inside| !inside) {
            return Err(format!(
                "expected E0506 from a check copy, got:\n{}",
                human(&lowered_build.stderr)
            ));
        }
        // The borrow (E0506's secondary span) sits where nightly's E0626 points.
        let mut our_lines: Vec<usize> = e0506
            .iter()
            .flat_map(|(_, _, others)| others.iter().copied())
            .collect();
        our_lines.sort();
        our_lines.dedup();
        let Some(nightly) = nightly else {
            return Ok(format!(
                "note: nightly absent, {} checked against the check copy only",
                program.name
            ));
        };
        if nightly.success {
            return Err("nightly accepted a program marked `nightly-error`".to_owned());
        }
        let theirs = json_errors(&nightly.stderr, |span, _| {
            span["line_start"].as_u64().unwrap_or(0) as usize
        });
        let mut their_lines: Vec<usize> = theirs
            .iter()
            .filter(|(code, _, _)| code == expected_code)
            .map(|(_, line, _)| *line)
            .collect();
        their_lines.sort();
        their_lines.dedup();
        if their_lines.is_empty() {
            return Err(format!(
                "nightly did not report {expected_code}:\n{}",
                human(&nightly.stderr)
            ));
        }
        if our_lines != their_lines {
            return Err(format!(
                "nightly reports {expected_code} on lines {their_lines:?}, the check copy's borrows are on lines {our_lines:?}"
            ));
        }
        // The assignment (E0506's primary span) maps to the `yield` that nightly labels
        // "possible yield occurs here".
        let yield_lines = |stderr: &str, ours: bool| -> Vec<usize> {
            let mut lines: Vec<usize> = stderr
                .lines()
                .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
                .filter(|value| value["level"] == "error")
                .flat_map(|value| value["spans"].as_array().cloned().unwrap_or_default())
                .filter(|span| {
                    if ours {
                        span["is_primary"] == true
                    } else {
                        span["label"]
                            .as_str()
                            .is_some_and(|label| label.contains("yield occurs here"))
                    }
                })
                .map(|span| {
                    if ours {
                        let lowered_offset = span["byte_start"].as_u64().unwrap_or(0) as usize;
                        original_line(
                            &program.source,
                            lowered.source_map.to_original(lowered_offset),
                        )
                    } else {
                        span["line_start"].as_u64().unwrap_or(0) as usize
                    }
                })
                .collect();
            lines.sort();
            lines.dedup();
            lines
        };
        let (our_yields, their_yields) = (
            yield_lines(&lowered_build.stderr, true),
            yield_lines(&nightly.stderr, false),
        );
        if our_yields != their_yields {
            return Err(format!(
                "nightly's yields are on lines {their_yields:?}, the check copy's assignments on lines {our_yields:?}"
            ));
        }
        return Ok(format!(
            "{}: rejected like nightly (borrows on lines {their_lines:?}, yields on lines {their_yields:?})",
            program.name
        ));
    }

    if !lowered_build.success {
        return Err(format!(
            "the lowered program does not compile:\n{}\n--- lowered text ---\n{}",
            lowered_build.stderr, lowered.text
        ));
    }
    let (our_stdout, our_status) = run(&lowered_build.binary);
    if let Some(code) = &program.fixme_accepted {
        if our_status != Some(0) {
            return Err(format!("the lowered program exited with {our_status:?}"));
        }
        if let Some(nightly) = nightly
            && (nightly.success || !nightly.stderr.contains(&format!("error[{code}]")))
        {
            return Err(format!(
                "nightly no longer rejects this program with {code}: remove the FIXME"
            ));
        }
        return Ok(format!(
            "{}: FIXME known divergence, nightly rejects with {code}, yieldc accepts",
            program.name
        ));
    }
    let Some(nightly) = nightly else {
        if our_status != Some(0) {
            return Err(format!("the lowered program exited with {our_status:?}"));
        }
        return Ok(format!(
            "note: nightly absent, {} only compiled and ran",
            program.name
        ));
    };
    if !nightly.success {
        return Err(format!("nightly rejects the program:\n{}", nightly.stderr));
    }
    let (their_stdout, their_status) = run(&nightly.binary);
    if our_stdout != their_stdout || our_status != their_status {
        return Err(format!(
            "output differs\n--- nightly ({their_status:?}) ---\n{their_stdout}\n--- yieldc ({our_status:?}) ---\n{our_stdout}"
        ));
    }
    Ok(format!("{}: same output as nightly", program.name))
}

fn human(json_stderr: &str) -> String {
    json_stderr
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|value| value["rendered"].as_str().map(str::to_owned))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn programs_behave_like_nightly() {
    let programs = programs();
    assert!(!programs.is_empty());
    runtime_rlib();
    if !nightly_available() {
        println!(
            "note: `rustup run nightly rustc` is not available; skipping the comparison with nightly"
        );
    }
    let results: Vec<(String, Result<String, String>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = programs
            .iter()
            .map(|program| {
                (
                    program.name.clone(),
                    scope.spawn(move || check_program(program)),
                )
            })
            .collect();
        handles
            .into_iter()
            .map(|(name, handle)| {
                (
                    name,
                    handle
                        .join()
                        .unwrap_or_else(|_| Err("the check panicked".to_owned())),
                )
            })
            .collect()
    });
    let mut failures = Vec::new();
    for (name, result) in results {
        match result {
            Ok(message) => println!("{message}"),
            Err(message) => failures.push(format!("=== {name}\n{message}")),
        }
    }
    assert!(
        failures.is_empty(),
        "{} program(s) failed:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
