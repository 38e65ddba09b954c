//! `cargo x`: the project's task runner (cargo-xtask pattern, like rustc's `./x`).

mod book_check;
mod dist;
mod nightly_diff;
mod rfc_check;
mod snippets;
mod ui;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

const USAGE: &str = "usage: cargo x <command>

commands:
  dist     build the driver (release) and assemble the toolchain in `build/toolchain/`
  install  dist, `rustup toolchain link yieldc build/toolchain`, then build and run
           `examples/hello` with `cargo +yieldc run`
  lower FILE [--edition E]
           print the lowering of FILE (like the toolchain's `rustc --yieldc-print-lowered`)
  miri     run the runtime's tests under Miri (stacked and tree borrows)
  rfc-check [--toolchain DIR] [--nightly] [FILE.md..]
           compile (and run) every ```rust block of `rfcs/` with the toolchain (dist first)
  book-check [--toolchain DIR] [--nightly] [FILE.md..]
           compile (and run) every ```rust block of `book/src/` with the toolchain (dist first)
  bless [FILTER]
           run the UI suite (`ui-tests/`) and rewrite its `.stderr`/`.run.stdout` files
  nightly-diff [FILTER]
           dist, then build every UI case with nightly and with yieldc and compare
  help     print this message

settings: `yieldc.toml` ([toolchain] base, prefix, link-name)
planned (see the issue tracker): bench";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("miri") => miri(),
        Some("dist") => report(dist().map(|_| ())),
        Some("install") => report(install()),
        Some("lower") => report(lower(&args[1..])),
        Some("bless") => ui::bless(&args[1..]),
        Some("nightly-diff") => ui::nightly_diff(&args[1..]),
        Some("rfc-check") => report(rfc_check::rfc_check(&args[1..])),
        Some("book-check") => report(book_check::book_check(&args[1..])),
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

fn report(result: Result<(), String>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask is in the workspace")
        .to_path_buf()
}

fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// `cargo x dist`: builds the driver in release mode and assembles the toolchain. Returns its
/// directory.
fn dist() -> Result<PathBuf, String> {
    let workspace = workspace_root();
    let config = dist::Config::load(&workspace);
    eprintln!("== building the driver (release) ==");
    let status = cargo()
        .current_dir(&workspace)
        .args(["build", "--release", "-p", "yieldc_driver", "--bins"])
        .status()
        .map_err(|err| format!("cannot run cargo: {err}"))?;
    if !status.success() {
        return Err("building yieldc_driver failed".to_string());
    }
    let target_dir = std::env::var_os("CARGO_TARGET_DIR")
        .map(|dir| workspace.join(dir))
        .unwrap_or_else(|| workspace.join("target"));
    let prefix = workspace.join(&config.prefix);
    eprintln!(
        "== assembling {} (base toolchain `{}`) ==",
        prefix.display(),
        config.base
    );
    dist::assemble(
        &target_dir.join("release"),
        &workspace,
        &prefix,
        &config.base,
    )?;
    eprintln!("toolchain ready: {}", prefix.display());
    Ok(prefix)
}

/// `cargo x install`: dist, link with rustup, build and run the bundled example.
fn install() -> Result<(), String> {
    let prefix = dist()?;
    let workspace = workspace_root();
    let config = dist::Config::load(&workspace);
    eprintln!(
        "== rustup toolchain link {} {} ==",
        config.link_name,
        prefix.display()
    );
    let status = Command::new("rustup")
        .args(["toolchain", "link", &config.link_name])
        .arg(&prefix)
        .status()
        .map_err(|err| format!("cannot run rustup: {err}"))?;
    if !status.success() {
        return Err("`rustup toolchain link` failed".to_string());
    }
    let example = workspace.join("examples/hello");
    eprintln!(
        "== cargo +{} run (in {}) ==",
        config.link_name,
        example.display()
    );
    let status = Command::new("cargo")
        .arg(format!("+{}", config.link_name))
        .args(["run", "--quiet"])
        .current_dir(&example)
        // The outer `cargo x` sets these for itself; the example must see the linked toolchain.
        .env_remove("RUSTC")
        .env_remove("RUSTDOC")
        .env_remove("CARGO")
        .env_remove("RUSTUP_TOOLCHAIN")
        .env_remove("CARGO_TARGET_DIR")
        .status()
        .map_err(|err| format!("cannot run cargo: {err}"))?;
    if !status.success() {
        return Err("the example failed to build or run".to_string());
    }
    eprintln!(
        "yieldc is installed: use `cargo +{}` (or `channel = \"{}\"` in rust-toolchain.toml)",
        config.link_name, config.link_name
    );
    Ok(())
}

/// `cargo x lower FILE`: builds the driver and prints the lowering of FILE.
fn lower(args: &[String]) -> Result<(), String> {
    let Some(file) = args.first() else {
        return Err("usage: cargo x lower FILE [--edition E]".to_string());
    };
    let mut command = cargo();
    command
        .current_dir(workspace_root())
        .args([
            "run",
            "-q",
            "-p",
            "yieldc_driver",
            "--bin",
            "yieldc-rustc",
            "--",
        ])
        .arg("--yieldc-print-lowered")
        .arg(
            std::env::current_dir()
                .map_err(|err| err.to_string())?
                .join(file),
        )
        .args(&args[1..])
        // `--yieldc-print-lowered` never runs the base rustc.
        .env("YIELDC_BASE_RUSTC", "rustc");
    let status = command
        .status()
        .map_err(|err| format!("cannot run cargo: {err}"))?;
    if status.success() {
        Ok(())
    } else {
        Err("lowering failed".to_string())
    }
}
