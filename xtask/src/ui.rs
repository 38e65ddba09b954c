//! `cargo x bless` and `cargo x nightly-diff`: the UI suite in `ui-tests/`.

use std::process::ExitCode;

use crate::nightly_diff;

/// `cargo x bless [FILTER]`: runs the UI suite, rewriting every `.stderr`, `.run.stdout` and
/// `.run.stderr` to what the toolchain prints now.
pub fn bless(args: &[String]) -> ExitCode {
    let status = crate::cargo()
        .current_dir(crate::workspace_root())
        .args(["test", "-p", "ui-tests", "--test", "ui", "--", "--bless"])
        .args(args)
        .status();
    match status {
        Ok(status) if status.success() => ExitCode::SUCCESS,
        Ok(_) => ExitCode::FAILURE,
        Err(err) => {
            eprintln!("error: cannot run cargo: {err}");
            ExitCode::FAILURE
        }
    }
}

/// `cargo x nightly-diff [FILTER]`: dist, then compare every case with nightly; the exit status
/// is non-zero on a difference the allow file does not explain.
pub fn nightly_diff(args: &[String]) -> ExitCode {
    let Some(nightly_rustc) = nightly_diff::nightly_rustc() else {
        eprintln!("error: no nightly toolchain (`rustup toolchain install nightly`)");
        return ExitCode::FAILURE;
    };
    let prefix = match crate::dist() {
        Ok(prefix) => prefix,
        Err(err) => {
            eprintln!("error: {err}");
            return ExitCode::FAILURE;
        }
    };
    let workspace = crate::workspace_root();
    let target_dir = std::env::var_os("CARGO_TARGET_DIR")
        .map(|dir| workspace.join(dir))
        .unwrap_or_else(|| workspace.join("target"));
    let options = nightly_diff::Options {
        suite_dir: workspace.join("ui-tests"),
        yieldc_rustc: prefix.join("bin/rustc"),
        nightly_rustc,
        scratch: target_dir.join("ui-tests/nightly-diff"),
        jobs: 2,
        filter: args.first().cloned(),
    };
    match nightly_diff::run(&options) {
        Ok(report) => {
            println!("{}", report.text);
            if report.unexplained == 0 {
                ExitCode::SUCCESS
            } else {
                eprintln!(
                    "error: {} difference(s) from nightly not listed in ui-tests/nightly-diff-allow.toml",
                    report.unexplained
                );
                ExitCode::FAILURE
            }
        }
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}
