//! `cargo x`: the project's task runner (cargo-xtask pattern, like rustc's `./x`).

use std::process::ExitCode;

const USAGE: &str = "usage: cargo x <command>

commands:
  miri     run the runtime's tests under Miri (stacked and tree borrows)
  help     print this message

planned (see the issue tracker): dist, install, bless, bench, nightly-diff, rfc-check, lower";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("miri") => miri(),
        Some("help") | Some("--help") | Some("-h") | None => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some(other) => {
            eprintln!("error: unknown command `{other}`\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// Runs `cargo +nightly miri test -p yieldc_rt` once with Stacked Borrows and once with Tree
/// Borrows.
fn miri() -> ExitCode {
    for flags in ["", "-Zmiri-tree-borrows"] {
        let label = if flags.is_empty() {
            "stacked borrows"
        } else {
            "tree borrows"
        };
        eprintln!("== miri ({label}) ==");
        let status = std::process::Command::new("cargo")
            .args([
                "+nightly",
                "miri",
                "test",
                "-p",
                "yieldc_rt",
                "--all-features",
            ])
            .env("MIRIFLAGS", flags)
            .status();
        match status {
            Ok(status) if status.success() => {}
            Ok(status) => {
                eprintln!("error: miri ({label}) failed: {status}");
                return ExitCode::FAILURE;
            }
            Err(err) => {
                eprintln!("error: could not run `cargo +nightly miri`: {err}");
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}
