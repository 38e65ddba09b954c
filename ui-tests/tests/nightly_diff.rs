//! `cargo x nightly-diff` under `cargo test`: every UI case (except `extensions/`) built by
//! nightly and by the yieldc toolchain, compared; fails on a difference that
//! `nightly-diff-allow.toml` does not explain. Skipped, with a note, when nightly is absent.

mod support;

#[allow(dead_code)]
#[path = "../../xtask/src/nightly_diff.rs"]
mod nightly_diff;

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(nightly_rustc) = nightly_diff::nightly_rustc() else {
        println!("note: no nightly toolchain (`rustup which --toolchain nightly rustc` failed); nightly-diff skipped");
        return ExitCode::SUCCESS;
    };
    let options = nightly_diff::Options {
        suite_dir: support::workspace().join("ui-tests"),
        yieldc_rustc: support::toolchain().join("bin/rustc"),
        nightly_rustc,
        scratch: support::target_dir().join("ui-tests/nightly-diff"),
        jobs: 2,
        filter: std::env::args().nth(1).filter(|arg| !arg.starts_with('-')),
    };
    match nightly_diff::run(&options) {
        Ok(report) => {
            println!("{}", report.text);
            if report.unexplained == 0 {
                ExitCode::SUCCESS
            } else {
                println!(
                    "error: {} difference(s) from nightly not listed in ui-tests/nightly-diff-allow.toml",
                    report.unexplained
                );
                ExitCode::FAILURE
            }
        }
        Err(err) => {
            println!("error: {err}");
            ExitCode::FAILURE
        }
    }
}
