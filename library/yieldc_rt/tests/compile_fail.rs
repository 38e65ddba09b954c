//! Programs that must not compile, each with the error code rustc must give. Stable rustdoc
//! does not check the codes of `compile_fail` doctests, so these compile each file with the
//! stable `rustc` against the runtime built from source into a temporary directory.

#![cfg_attr(miri, allow(dead_code, unused_imports))]

use std::path::{Path, PathBuf};
use std::process::Command;

fn rustc() -> String {
    std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_string())
}

fn build_runtime(out: &Path) -> PathBuf {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs");
    let status = Command::new(rustc())
        .args([
            "--edition",
            "2021",
            "--crate-type",
            "rlib",
            "--crate-name",
            "yieldc_rt",
        ])
        .args(["--cfg", "feature=\"alloc\"", "-o"])
        .arg(out.join("libyieldc_rt.rlib"))
        .arg(&src)
        .status()
        .expect("run rustc");
    assert!(status.success(), "building the runtime failed");
    out.join("libyieldc_rt.rlib")
}

// Spawns `rustc`, which Miri (isolated) cannot do; it tests the compiler, not the runtime.
#[cfg(not(miri))]
#[test]
fn each_program_fails_with_its_error_code() {
    let out = std::env::temp_dir().join(format!("yieldc_rt-compile-fail-{}", std::process::id()));
    std::fs::create_dir_all(&out).unwrap();
    let rlib = build_runtime(&out);
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/compile-fail");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(
        files.len() >= 8,
        "expected the compile-fail programs in {}",
        dir.display()
    );
    let mut failures = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        // `// error: E0277` (an error code) or `// error: some message` (for errors without one).
        let expected = text
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("// error: "))
            .unwrap_or_else(|| panic!("{}: first line must be `// error: ...`", file.display()))
            .trim()
            .to_string();
        let is_code = expected.len() == 5 && expected.starts_with('E');
        let needle = if is_code {
            format!("error[{expected}]")
        } else {
            format!("error: {expected}")
        };
        let output = Command::new(rustc())
            .args([
                "--edition",
                "2021",
                "--crate-type",
                "bin",
                "--emit",
                "metadata",
            ])
            .args(["--error-format", "short", "--out-dir"])
            .arg(&out)
            .arg("--extern")
            .arg(format!("yieldc_rt={}", rlib.display()))
            .arg(file)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        if output.status.success() {
            failures.push(format!("{}: compiled, expected `{needle}`", file.display()));
        } else if !stderr.contains(&needle) {
            failures.push(format!(
                "{}: expected `{needle}`, got:\n{stderr}",
                file.display()
            ));
        }
    }
    let _ = std::fs::remove_dir_all(&out);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
