//! `examples/`: real tokio, hyper and `gen fn` programs (a cargo workspace of their own),
//! built and tested with a toolchain assembled from this build, as a user would with
//! `cargo +yieldc test`. Also runs `examples/hello`.
//!
//! The examples get their own target directory under this workspace's target directory
//! (`target/tmp/examples-target`), so nothing outside `target/` is written or cached.

#[allow(dead_code)]
#[path = "../../../xtask/src/dist.rs"]
mod dist;

use std::path::{Path, PathBuf};
use std::process::Command;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn cargo(toolchain: &Path, dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
        .args(args)
        .current_dir(dir)
        .env("RUSTC", toolchain.join("bin/rustc"))
        .env("RUSTDOC", toolchain.join("bin/rustdoc"))
        .env(
            "CARGO_TARGET_DIR",
            Path::new(env!("CARGO_TARGET_TMPDIR")).join("examples-target"),
        )
        .env("CARGO_TERM_COLOR", "never")
        .env_remove("RUSTC_WRAPPER")
        .env_remove("RUSTC_WORKSPACE_WRAPPER")
        .env_remove("CARGO_MANIFEST_DIR")
        .env_remove("RUSTFLAGS")
        .output()
        .expect("running cargo")
}

#[track_caller]
fn check(output: &std::process::Output) -> String {
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "failed: {}\nstdout:\n{stdout}\nstderr:\n{stderr}",
        output.status
    );
    assert!(
        !stderr.contains("yieldc/shadow"),
        "a shadow path leaked:\n{stderr}"
    );
    stdout
}

#[test]
fn examples_build_and_pass_their_tests_with_the_toolchain() {
    let toolchain = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("examples-toolchain");
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_yieldc-rustc"))
        .parent()
        .unwrap();
    let config = dist::Config::load(&workspace());
    dist::assemble(bin_dir, &workspace(), &toolchain, &config.base)
        .expect("assembling the toolchain");
    let examples = workspace().join("examples");

    let stdout = check(&cargo(
        &toolchain,
        &examples,
        &["test", "--locked", "--workspace", "--no-fail-fast"],
    ));
    assert!(stdout.contains("test result: ok."), "{stdout}");

    // The programs themselves run and stop by themselves.
    for package in ["line-server", "http-stream", "log-pipeline"] {
        let stdout = check(&cargo(
            &toolchain,
            &examples,
            &["run", "--locked", "-q", "-p", package],
        ));
        assert!(!stdout.is_empty(), "{package} printed nothing");
    }
    let stdout = check(&cargo(&toolchain, &examples.join("hello"), &["run", "-q"]));
    assert!(stdout.starts_with("hello from yieldc"), "{stdout}");

    // `for await` over something that is neither an async iterator nor a stream: nightly's
    // E0277, at the expression.
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("examples-for-await-error");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("e.rs"),
        "#![feature(async_for_loop, async_iterator)]\nasync fn f() { for await x in 5u32 { let _ = x; } }\nfn main() { let _ = f(); }\n",
    )
    .unwrap();
    let output = Command::new(toolchain.join("bin/rustc"))
        .args(["--edition", "2024", "e.rs"])
        .current_dir(&dir)
        .env_remove("CARGO_MANIFEST_DIR")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with("error[E0277]: the trait bound `u32: "),
        "{stderr}"
    );
    assert!(stderr.contains(" --> e.rs:2:31\n"), "{stderr}");
}
