//! Bad input and faults (issue 4): whatever it is given, the toolchain's `rustc` ends like rustc
//! would — exit 0 for valid code, exit 1 with an `error:` line otherwise — never with a crash, a
//! hang or a write outside the target directory; a panic of the driver itself is reported like
//! a rustc ICE (exit 101, a request for a bug report naming the input).
//!
//! One test per case, on real cargo projects or on the wrapper run directly where that is the
//! point. Every test also checks that nothing was written outside the target directory: the
//! project directory is snapshotted before and after (`support::snapshot`), and direct runs get
//! a private `TMPDIR` (where the driver keeps the shadow of a crate compiled without a target
//! directory) that must be empty again afterwards. Children run under a timeout, so a hang fails
//! the test instead of stalling CI.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use support::*;

const GEN_LIB: &str = "#![feature(gen_blocks)]\nmod helper;\n\npub fn total() -> u32 {\n    helper::numbers().sum()\n}\n";
const GEN_HELPER: &str = "pub gen fn numbers() -> u32 {\n    yield 1;\n    yield 2;\n}\n";

#[test]
fn non_utf8_source_is_reported_like_stable_rustc() {
    // The crate root: left to the base rustc, whose error is printed unchanged.
    let root: &[u8] = b"#![feature(gen_blocks)]\nfn main() { let _s = \"\xff\xfe\"; let _g = gen { yield 1u8; }; }\n";
    let scratch = Scratch::new("non-utf8-root", &[("main.rs", root)]);
    let before = snapshot(&scratch.dir, &["out"]);
    let args = ["--edition", "2024", "main.rs", "--out-dir", "out"];
    let ours = scratch.yieldc(&args);
    assert_rustc_error(&ours);
    assert!(
        text(&ours.stderr)
            .starts_with("error: couldn't read `main.rs`: stream did not contain valid UTF-8\n"),
        "{}",
        text(&ours.stderr)
    );
    assert_same_as_base(&ours, &scratch.base(&args));
    assert_eq!(snapshot(&scratch.dir, &["out"]), before);
    scratch.assert_tmp_empty();

    // A module of a crate that is lowered: rustc reads it (through the shadow) and reports it
    // where nightly does. The base rustc cannot compile this crate (E0554 on stable), so the
    // expected text is nightly's (`rustup run nightly rustc --edition 2024 main.rs`), which
    // is stable's error for the module too.
    let scratch = Scratch::new(
        "non-utf8-module",
        &[
            (
                "main.rs",
                b"#![feature(gen_blocks)]\nmod m;\nfn main() { let _g = gen { yield 1u8; }; }\n",
            ),
            ("m.rs", b"pub fn f() { let s = \"\xff\"; }\n"),
        ],
    );
    let before = snapshot(&scratch.dir, &["out"]);
    let output = scratch.yieldc(&["--edition", "2024", "main.rs", "--out-dir", "out"]);
    assert_rustc_error(&output);
    let nightly = "error: couldn't read `m.rs`: stream did not contain valid UTF-8
 --> main.rs:2:1
  |
2 | mod m;
  | ^^^^^^
  |
note: byte `255` is not valid utf-8
 --> m.rs:1:23
  |
1 | pub fn f() { let s = \"\u{fffd}\"; }
  |                       ^

error: aborting due to 1 previous error

";
    assert_eq!(text(&output.stderr), nightly);
    assert_eq!(snapshot(&scratch.dir, &["out"]), before);
    scratch.assert_tmp_empty();

    // The same through cargo.
    let project = locked_project("non_utf8", &[("src/lib.rs", GEN_LIB)]);
    write(
        &project.dir.join("src/helper.rs"),
        b"pub gen fn numbers() -> u32 { yield 1; }\n// \xff\n",
    );
    let before = snapshot(&project.dir, &[]);
    let output = project.cargo(&["build", "--offline"]);
    assert_cargo_compile_error(&output, "non_utf8");
    assert!(
        text(&output.stderr)
            .contains("error: couldn't read `src/helper.rs`: stream did not contain valid UTF-8\n"),
        "{}",
        text(&output.stderr)
    );
    assert_eq!(snapshot(&project.dir, &[]), before);
}

#[test]
fn unclosed_delimiters_are_rustcs_own_errors() {
    // Each file is lowered by nothing: rustc's lexer rejects it, and the wrapper's output is
    // the base rustc's, byte for byte (before the fix, a lowered `yield [1, 2);` was reported
    // at the wrong delimiter with every label twice).
    let cases: &[(&str, &str)] = &[
        ("unclosed", "#![feature(gen_blocks)]\ngen fn g() -> u32 {\n    for i in 0..3 {\n        yield i;\n\nfn main() {\n    let v: Vec<u32> = g().collect();\n}\n"),
        ("at_end", "#![feature(gen_blocks)]\nfn main() { let _g = gen { yield (1"),
        ("mismatched", "#![feature(gen_blocks)]\nfn main() { let _g = gen { yield [1, 2); }; }\n"),
        ("extra_close", "#![feature(gen_blocks)]\nfn main() { let _g = gen { yield 1; }; } }\n"),
        ("string", "#![feature(gen_blocks)]\nfn main() { let _g = gen { yield \"abc; }; }\n"),
        ("comment", "#![feature(gen_blocks)]\n/* fn main() { let _g = gen { yield 1; }; }\n"),
    ];
    for (name, source) in cases {
        let scratch = Scratch::new(
            &format!("delimiters-{name}"),
            &[("main.rs", source.as_bytes())],
        );
        let before = snapshot(&scratch.dir, &["out"]);
        let args = ["--edition", "2024", "main.rs", "--out-dir", "out"];
        let ours = scratch.yieldc(&args);
        assert_rustc_error(&ours);
        assert_same_as_base(&ours, &scratch.base(&args));
        assert_eq!(snapshot(&scratch.dir, &["out"]), before, "{name}");
        scratch.assert_tmp_empty();
    }

    // A module with an unclosed delimiter in a lowered crate, through cargo.
    let project = locked_project(
        "unclosed_module",
        &[
            ("src/lib.rs", GEN_LIB),
            (
                "src/helper.rs",
                "pub gen fn numbers() -> u32 {\n    yield 1;\n",
            ),
        ],
    );
    let before = snapshot(&project.dir, &[]);
    let output = project.cargo(&["build", "--offline"]);
    assert_cargo_compile_error(&output, "unclosed_module");
    let stderr = text(&output.stderr);
    assert!(
        stderr
            .contains("error: this file contains an unclosed delimiter\n --> src/helper.rs:2:14\n"),
        "{stderr}"
    );
    assert_eq!(snapshot(&project.dir, &[]), before);
}

#[test]
fn deeply_nested_code_nightly_accepts_compiles() {
    // 200 nested blocks inside a `gen fn`: nightly compiles and runs it (it overflows its own
    // stack at about 800).
    let mut body = "yield 1u32;".to_string();
    for _ in 0..200 {
        body = format!("{{ {body} }}");
    }
    let blocks = format!(
        "#![feature(gen_blocks)]\n#![allow(unused_braces)]\ngen fn deep() -> u32 {{ {body} }}\nfn main() {{ println!(\"{{}}\", deep().sum::<u32>()); }}\n"
    );
    // Generators nested in generators: nightly compiles up to 32 levels (33: "queries overflow
    // the depth limit").
    let nested_gens = |levels: usize| {
        let mut body = "yield 1u32;".to_string();
        for _ in 1..levels {
            body = format!("for x in gen {{ {body} }} {{ yield x; }}");
        }
        format!(
            "#![feature(gen_blocks)]\ngen fn deep() -> u32 {{ {body} }}\nfn main() {{ println!(\"{{}}\", deep().sum::<u32>()); }}\n"
        )
    };
    let scratch = Scratch::new(
        "deep",
        &[
            ("blocks.rs", blocks.as_bytes()),
            ("gens15.rs", nested_gens(15).as_bytes()),
            ("gens32.rs", nested_gens(32).as_bytes()),
        ],
    );
    let before = snapshot(&scratch.dir, &["out"]);
    for name in ["blocks", "gens15"] {
        let output = scratch.yieldc(&[
            "--edition",
            "2024",
            &format!("{name}.rs"),
            "--out-dir",
            "out",
        ]);
        assert_no_crash(&output);
        assert_success(&output);
        let run = Command::new(scratch.dir.join("out").join(name))
            .output()
            .unwrap();
        assert_eq!(text(&run.stdout), "1\n", "{name}");
    }
    // FIXME(yieldc): nightly compiles 16 to 32 nested generators, yieldc stops at 15: each
    // level is a `Gen` around an `async` block (and a check copy), which takes rustc's layout
    // queries about twice as deep as nightly's native generators. Today: rustc's own error,
    // exit 1, no crash.
    let output = scratch.yieldc(&[
        "--edition",
        "2024",
        "gens32.rs",
        "--emit=metadata",
        "--out-dir",
        "out",
    ]);
    assert_rustc_error(&output);
    assert!(
        text(&output.stderr).contains("error: queries overflow the depth limit!"),
        "{}",
        text(&output.stderr)
    );
    assert_eq!(snapshot(&scratch.dir, &["out"]), before);
    scratch.assert_tmp_empty();
}

#[test]
fn nesting_beyond_what_rustc_survives_is_an_error_not_a_crash() {
    // rustc itself overflows its stack here (nightly too, exit 139); the front end, whose
    // parser and lowering recurse per level, refuses instead of crashing.
    let depth = 20_000;
    let blocks = format!(
        "#![feature(gen_blocks)]\ngen fn deep() -> u32 {}yield 1;{}\nfn main() {{}}\n",
        "{".repeat(depth),
        "}".repeat(depth)
    );
    // 65 nested generators: the lowered text would grow with the square of the depth.
    let mut body = "yield 1u32;".to_string();
    for _ in 1..65 {
        body = format!("for x in gen {{ {body} }} {{ yield x; }}");
    }
    let gens =
        format!("#![feature(gen_blocks)]\ngen fn deep() -> u32 {{ {body} }}\nfn main() {{}}\n");
    let scratch = Scratch::new(
        "too-deep",
        &[
            ("blocks.rs", blocks.as_bytes()),
            ("gens.rs", gens.as_bytes()),
        ],
    );
    let before = snapshot(&scratch.dir, &["out"]);
    for (file, message) in [
        ("blocks.rs", "error: yieldc cannot lower a file nested more than 1024 levels deep\n --> blocks.rs:2:1046\n"),
        ("gens.rs", "error: yieldc cannot lower generators nested more than 64 deep\n --> gens.rs:2:"),
    ] {
        let output = scratch.yieldc(&["--edition", "2024", file, "--out-dir", "out"]);
        assert_rustc_error(&output);
        assert!(text(&output.stderr).starts_with(message), "{}", text(&output.stderr));
    }
    assert_eq!(snapshot(&scratch.dir, &["out"]), before);
    scratch.assert_tmp_empty();
}

#[test]
fn two_megabytes_of_gen_fns_check_in_reasonable_time() {
    // 2 MB of generated `gen fn`s, each documented (so that 2 MB hold about 1 200 generators).
    // Measured on the 2-core machine under load (load average 9), `--emit=metadata` as
    // `cargo check` runs it: nightly 3.7 s, yieldc (release driver) 13.4 s; this test (debug
    // driver) 24-34 s. 2 MB of undocumented generators (13 000) would be outside the test's
    // budget: nightly 18 s, yieldc 100 s (design-notes/driver-perf.md).
    let doc: String = (0..18)
        .map(|line| format!("/// Line {line} of the documentation of a generated generator: it yields the running sums.\n"))
        .collect();
    let mut source = String::from("#![feature(gen_blocks)]\n#![allow(dead_code)]\n");
    let mut count = 0;
    while source.len() < 2_000_000 {
        source.push_str(&format!(
            "{doc}pub gen fn g{count}(n: u32) -> u32 {{\n    let mut acc = {count}u32;\n    for k in 0..n {{\n        if k % 3 == {} {{ acc = acc.wrapping_add(k); yield acc; }}\n    }}\n}}\n",
            count % 3
        ));
        count += 1;
    }
    let project = locked_project("two_megabytes", &[("src/lib.rs", &source)]);
    let before = snapshot(&project.dir, &[]);
    let start = Instant::now();
    let mut command = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    command
        .args(["check", "--offline"])
        .current_dir(&project.dir)
        .env("RUSTC", rustc())
        .env("CARGO_TARGET_DIR", &project.target)
        .env("CARGO_TERM_COLOR", "never")
        .env_remove("RUSTC_WRAPPER")
        .env_remove("RUSTC_WORKSPACE_WRAPPER")
        .env_remove("CARGO_MANIFEST_DIR")
        .env_remove("RUSTFLAGS");
    let output = run_with_timeout(&mut command, Duration::from_secs(600));
    assert_no_crash(&output);
    assert_success(&output);
    eprintln!(
        "2 MB ({count} gen fns): cargo check took {:?}",
        start.elapsed()
    );
    assert_eq!(snapshot(&project.dir, &[]), before);
}

#[test]
fn gen_and_yield_as_edition_2021_identifiers_compile_untouched() {
    let main = r#"// `gen` and `yield` as words of edition 2021 code: no coroutine syntax here.
mod gen {
    pub fn gen(gen: u32) -> u32 {
        gen + 1
    }
}

struct Gen {
    gen: u32,
}

macro_rules! gen {
    ($e:expr) => {
        $e * 2
    };
}

// `yield` is reserved in every edition: only the raw identifier is an identifier.
fn r#yield(r#gen: u32) -> u32 {
    r#gen
}

fn main() {
    let gen = Gen { gen: gen::gen(1) };
    let unused = 5;
    println!("{} {}", gen!(gen.gen), r#yield(3));
}
"#;
    // Directly: exactly what the base rustc prints (a warning included), and the same program.
    let scratch = Scratch::new("identifiers-2021", &[("main.rs", main.as_bytes())]);
    let before = snapshot(&scratch.dir, &["out", "base"]);
    let ours = scratch.yieldc(&["--edition", "2021", "main.rs", "--out-dir", "out"]);
    let theirs = scratch.base(&["--edition", "2021", "main.rs", "--out-dir", "base"]);
    assert_success(&ours);
    assert_same_as_base(&ours, &theirs);
    assert!(text(&ours.stderr).contains("warning: unused variable: `unused`"));
    let run = Command::new(scratch.dir.join("out/main")).output().unwrap();
    assert_eq!(text(&run.stdout), "4 3\n");
    assert_eq!(snapshot(&scratch.dir, &["out", "base"]), before);
    scratch.assert_tmp_empty();

    // Through cargo: compiled as written, without a shadow (the word `yield` in the root made
    // the scan look closer, but nothing was lowered).
    let manifest = "[package]\nname = \"identifiers\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[workspace]\n";
    let project = locked_project(
        "identifiers",
        &[("Cargo.toml", manifest), ("src/main.rs", main)],
    );
    let before = snapshot(&project.dir, &[]);
    let output = project.cargo(&["run", "-q", "--offline"]);
    assert_success(&output);
    assert_eq!(text(&output.stdout), "4 3\n");
    assert!(
        project.shadow_dirs("identifiers").is_empty(),
        "a shadow was made"
    );
    assert_eq!(snapshot(&project.dir, &[]), before);
}

#[test]
fn vanished_source_files_get_rustcs_own_error() {
    let project = locked_project(
        "vanishing",
        &[("src/lib.rs", GEN_LIB), ("src/helper.rs", GEN_HELPER)],
    );
    let output = project.cargo(&["build", "--offline"]);
    assert_success(&output);
    // The module file is deleted after a build lowered it: the shadow still holds its lowered
    // copy, which must not be compiled; rustc reports the missing file as it does for nightly.
    std::fs::remove_file(project.dir.join("src/helper.rs")).unwrap();
    let expected = "error[E0583]: file not found for module `helper`\n --> src/lib.rs:2:1\n";
    let before = snapshot(&project.dir, &[]);
    let output = project.cargo(&["build", "--offline"]);
    assert_cargo_compile_error(&output, "vanishing");
    assert!(
        text(&output.stderr).contains(expected),
        "{}",
        text(&output.stderr)
    );
    assert_eq!(snapshot(&project.dir, &[]), before);
    // A dangling symlink in its place: the file vanished after it was linked (what the shadow's
    // own link to a file removed during the build looks like).
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(
            project.dir.join("src/removed.rs"),
            project.dir.join("src/helper.rs"),
        )
        .unwrap();
        let before = snapshot(&project.dir, &[]);
        let output = project.cargo(&["build", "--offline"]);
        assert_cargo_compile_error(&output, "vanishing");
        assert!(
            text(&output.stderr).contains(expected),
            "{}",
            text(&output.stderr)
        );
        assert_eq!(snapshot(&project.dir, &[]), before);
    }
    // The crate root itself is missing: the base rustc's error, unchanged.
    let scratch = Scratch::new("vanished-root", &[]);
    let args = ["--edition", "2024", "gone.rs", "--out-dir", "out"];
    let ours = scratch.yieldc(&args);
    assert_rustc_error(&ours);
    assert_same_as_base(&ours, &scratch.base(&args));
    scratch.assert_tmp_empty();
}

#[cfg(unix)]
#[test]
fn read_only_target_dir_fails_cleanly() {
    use std::os::unix::fs::PermissionsExt;
    let set_mode = |path: &Path, mode: u32| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    };
    // Tests may run as root, for whom permissions do not stop writes: the test then checks what
    // it can (the build succeeds, nothing is written outside the target directory).
    let writes_despite_permissions = |dir: &Path| {
        let probe = dir.join("probe");
        let writable = std::fs::write(&probe, "").is_ok();
        let _ = std::fs::remove_file(&probe);
        writable
    };
    let project = locked_project(
        "read_only",
        &[("src/lib.rs", GEN_LIB), ("src/helper.rs", GEN_HELPER)],
    );
    let before = snapshot(&project.dir, &[]);

    // The whole target directory read-only: cargo itself stops (or, as root, builds).
    std::fs::create_dir_all(&project.target).unwrap();
    set_mode(&project.target, 0o555);
    let privileged = writes_despite_permissions(&project.target);
    let output = project.cargo(&["build", "--offline"]);
    set_mode(&project.target, 0o755);
    assert_no_crash(&output);
    assert_eq!(
        output.status.success(),
        privileged,
        "{}",
        text(&output.stderr)
    );
    assert_eq!(snapshot(&project.dir, &[]), before);

    // Only the driver's part of it read-only (cargo can write, the shadow cannot be made): the
    // driver's own `error:`, exit 1, so cargo reports the crate as failed.
    let _ = std::fs::remove_dir_all(&project.target);
    std::fs::create_dir_all(project.target.join("yieldc")).unwrap();
    set_mode(&project.target.join("yieldc"), 0o555);
    let output = project.cargo(&["build", "--offline"]);
    set_mode(&project.target.join("yieldc"), 0o755);
    assert_no_crash(&output);
    if privileged {
        assert_success(&output);
    } else {
        assert_cargo_compile_error(&output, "read_only");
        assert!(
            text(&output.stderr).contains("error: cannot lock the shadow tree `"),
            "{}",
            text(&output.stderr)
        );
    }
    assert_eq!(snapshot(&project.dir, &[]), before);
}

/// `TMPDIR` naming a directory that does not exist: rustc does without it (its temporaries go
/// beside its outputs), so the wrapper must too, without creating it: the shadow of a crate
/// compiled without a target directory then goes beside the outputs, and is removed.
#[test]
fn missing_tmpdir_is_neither_needed_nor_created() {
    let scratch = Scratch::new(
        "missing-tmpdir",
        &[(
            "main.rs",
            b"#![feature(gen_blocks)]\nfn main() { for x in gen { yield 1u8; } { println!(\"{x}\"); } }\n",
        )],
    );
    let missing = scratch.tmp.join("missing");
    let before = snapshot(&scratch.dir, &["out"]);
    let output = scratch.yieldc_with(
        &["--edition", "2024", "main.rs", "--out-dir", "out"],
        &[("TMPDIR", missing.to_str().unwrap())],
    );
    assert_success(&output);
    assert!(!missing.exists(), "TMPDIR was created");
    let out: Vec<_> = std::fs::read_dir(scratch.dir.join("out"))
        .unwrap()
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(out, ["main"], "left beside the outputs");
    assert_eq!(snapshot(&scratch.dir, &["out"]), before);
    scratch.assert_tmp_empty();
}

#[test]
fn driver_panic_is_reported_like_an_ice() {
    // `YIELDC_TEST_ICE=1` makes the driver panic while it lowers a crate (driver.rs,
    // `TEST_ICE_VARIABLE`): the only way to reach the ICE report on purpose.
    let scratch = Scratch::new(
        "ice",
        &[("main.rs", b"#![feature(gen_blocks)]\nfn main() { for x in gen { yield 1u8; } { println!(\"{x}\"); } }\n")],
    );
    let before = snapshot(&scratch.dir, &["out"]);
    let output = scratch.yieldc_with(
        &["--edition", "2024", "main.rs", "--out-dir", "out"],
        &[("YIELDC_TEST_ICE", "1")],
    );
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(101), "{stderr}");
    assert!(
        stderr.starts_with("error: internal compiler error: the yieldc driver panicked at "),
        "{stderr}"
    );
    assert!(
        stderr.contains("YIELDC_TEST_ICE=1 asks the driver to panic"),
        "{stderr}"
    );
    assert!(
        stderr.contains("note: this is a bug in yieldc, not in your code; please file a bug report with the command line and the input files\n"),
        "{stderr}"
    );
    assert!(stderr.contains("note: input: `main.rs`\n"), "{stderr}");
    assert!(stderr.contains("note: command line: "), "{stderr}");
    assert_eq!(snapshot(&scratch.dir, &["out"]), before);
    scratch.assert_tmp_empty();

    // Through cargo: the ICE names the crate's file; a crate without coroutine syntax (never
    // lowered) is not affected.
    let project = locked_project(
        "ice",
        &[("src/lib.rs", GEN_LIB), ("src/helper.rs", GEN_HELPER)],
    );
    let before = snapshot(&project.dir, &[]);
    let ice = Path::new("1");
    let output = project.cargo_with(&["build", "--offline"], &[("YIELDC_TEST_ICE", ice)]);
    let stderr = text(&output.stderr);
    assert!(!output.status.success());
    assert!(
        stderr.contains("error: internal compiler error: the yieldc driver panicked"),
        "{stderr}"
    );
    assert!(stderr.contains("note: input: `src/lib.rs`\n"), "{stderr}");
    assert_eq!(snapshot(&project.dir, &[]), before);
    let plain = locked_project(
        "ice_plain",
        &[("src/lib.rs", "pub fn one() -> u32 { 1 }\n")],
    );
    let output = plain.cargo_with(&["build", "--offline"], &[("YIELDC_TEST_ICE", ice)]);
    assert_success(&output);
}

// Helpers.

/// Output of a driver that did not crash: no panic, no signal.
#[track_caller]
fn assert_no_crash(output: &Output) {
    let stderr = text(&output.stderr);
    assert!(
        output.status.code().is_some(),
        "killed by a signal:\n{stderr}"
    );
    assert!(!stderr.contains("panicked"), "a panic:\n{stderr}");
    assert!(
        !stderr.contains("internal compiler error"),
        "an ICE:\n{stderr}"
    );
    assert_no_shadow_leak(&stderr);
}

/// A direct run of the wrapper that failed like rustc: exit 1, an `error` line, no crash.
#[track_caller]
fn assert_rustc_error(output: &Output) {
    assert_no_crash(output);
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with("error") || stderr.contains("\nerror"),
        "no error line:\n{stderr}"
    );
}

/// A cargo build that failed because rustc reported errors (cargo's own exit code is 101).
#[track_caller]
fn assert_cargo_compile_error(output: &Output, crate_name: &str) {
    assert_no_crash(output);
    let stderr = text(&output.stderr);
    assert!(!output.status.success(), "{stderr}");
    assert!(
        stderr.contains(&format!("error: could not compile `{crate_name}`")),
        "{stderr}"
    );
}

/// Runs `command` with stdout and stderr captured; fails the test if it is still running after
/// `limit` (and kills it).
fn run_with_timeout(command: &mut Command, limit: Duration) -> Output {
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawning");
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let stdout_reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut stdout, &mut bytes).ok();
        bytes
    });
    let stderr_reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut stderr, &mut bytes).ok();
        bytes
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > limit {
            child.kill().ok();
            child.wait().ok();
            panic!("{command:?} still ran after {limit:?}: a hang");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: stdout_reader.join().unwrap(),
        stderr: stderr_reader.join().unwrap(),
    }
}

/// A scratch directory with `files`, for running the wrapper (and the base rustc) on directly.
struct Scratch {
    dir: PathBuf,
    /// The private `TMPDIR` of the runs.
    tmp: PathBuf,
}

impl Scratch {
    fn new(name: &str, files: &[(&str, &[u8])]) -> Scratch {
        let dir = scratch().join("direct").join(name);
        let tmp = scratch().join("direct-tmp").join(name);
        let _ = std::fs::remove_dir_all(&dir);
        let _ = std::fs::remove_dir_all(&tmp);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::create_dir_all(&tmp).unwrap();
        for (path, contents) in files {
            write(&dir.join(path), contents);
        }
        Scratch { dir, tmp }
    }

    /// The wrapper, run in the directory with `args`.
    fn yieldc(&self, args: &[&str]) -> Output {
        self.run(&rustc(), args, &[])
    }

    fn yieldc_with(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        self.run(&rustc(), args, env)
    }

    /// The base toolchain's rustc, the same way.
    fn base(&self, args: &[&str]) -> Output {
        self.run(&base_rustc(), args, &[])
    }

    fn run(&self, program: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
        let mut command = Command::new(program);
        command
            .args(args)
            .current_dir(&self.dir)
            .env("TMPDIR", &self.tmp)
            .env_remove("CARGO_MANIFEST_DIR")
            .env_remove("RUSTC_WRAPPER");
        for (key, value) in env {
            command.env(key, value);
        }
        run_with_timeout(&mut command, Duration::from_secs(300))
    }

    /// Asserts that the private `TMPDIR` is empty again.
    #[track_caller]
    fn assert_tmp_empty(&self) {
        let left: Vec<_> = std::fs::read_dir(&self.tmp)
            .unwrap()
            .flatten()
            .map(|entry| entry.path())
            .collect();
        assert!(left.is_empty(), "left in TMPDIR: {left:?}");
    }
}

/// What the wrapper prints must be what the base rustc prints for the same command.
#[track_caller]
fn assert_same_as_base(ours: &Output, theirs: &Output) {
    assert_eq!(text(&ours.stderr), text(&theirs.stderr));
    assert_eq!(ours.status.code(), theirs.status.code());
}

/// A project whose directory, `Cargo.lock` included, is snapshotted before the test runs cargo
/// (its target directory is elsewhere, under the scratch directory).
fn locked_project(name: &str, files: &[(&str, &str)]) -> Project {
    let project = Project::new(name, files).with_target(scratch().join("targets").join(name));
    let _ = std::fs::remove_dir_all(&project.target);
    let output = project.cargo(&["generate-lockfile", "--offline"]);
    assert_success(&output);
    project
}
