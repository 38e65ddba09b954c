//! Assembling the toolchain directory (`cargo x dist`): std only, so the driver's tests include
//! this file (`#[path]`) and assemble a toolchain from the binaries their own build produced.
//!
//! Layout (what `rustup toolchain link` and cargo need):
//! ```text
//! bin/rustc, bin/rustdoc, bin/clippy-driver   the yieldc wrappers (copies)
//! bin/cargo                                   symlink to the base toolchain's cargo
//! bin/rustfmt, bin/cargo-fmt                  symlinks to the base's (when it has them)
//! bin/cargo-clippy                            copy of the base one (it runs the clippy-driver
//!                                             beside itself, so it must sit here)
//! lib/yieldc/base                             `tool=path` lines: the base rustc, rustdoc, …
//! lib/yieldc/libyieldc_rt.rlib                the runtime, compiled by the base rustc
//! lib/yieldc/host                             the base rustc's host target
//! lib/yieldc/<target>/libyieldc_rt.rlib       the runtime for every other target the base
//!                                             toolchain has (the driver picks it by `--target`)
//! ```

use std::path::{Path, PathBuf};
use std::process::Command;

/// Settings from `yieldc.toml`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// The base toolchain (`stable`).
    pub base: String,
    /// Where to assemble, relative to the workspace root.
    pub prefix: String,
    /// The `rustup toolchain link` name.
    pub link_name: String,
}

impl Config {
    /// Reads the `[toolchain]` table of `yieldc.toml` (flat `key = "value"` lines; missing keys
    /// get their defaults).
    pub fn parse(text: &str) -> Config {
        let mut config = Config {
            base: "stable".to_string(),
            prefix: "build/toolchain".to_string(),
            link_name: "yieldc".to_string(),
        };
        let mut in_toolchain = false;
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or_default().trim();
            if line.starts_with('[') {
                in_toolchain = line == "[toolchain]";
                continue;
            }
            let Some((key, value)) = line.split_once('=') else {
                continue;
            };
            if !in_toolchain {
                continue;
            }
            let value = value.trim().trim_matches('"').to_string();
            match key.trim() {
                "base" => config.base = value,
                "prefix" => config.prefix = value,
                "link-name" => config.link_name = value,
                _ => {}
            }
        }
        config
    }

    /// Reads `<workspace>/yieldc.toml` (defaults when it is missing).
    pub fn load(workspace: &Path) -> Config {
        Config::parse(&std::fs::read_to_string(workspace.join("yieldc.toml")).unwrap_or_default())
    }
}

/// The path of `tool` in toolchain `base` (`rustup which --toolchain base tool`).
pub fn base_tool(base: &str, tool: &str) -> Result<PathBuf, String> {
    let output = Command::new("rustup")
        .args(["which", "--toolchain", base, tool])
        .output()
        .map_err(|err| format!("cannot run `rustup which`: {err}"))?;
    if !output.status.success() {
        return Err(format!(
            "`rustup which --toolchain {base} {tool}` failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    Ok(PathBuf::from(
        String::from_utf8_lossy(&output.stdout).trim(),
    ))
}

/// Assembles the toolchain at `prefix` from the driver binaries in `driver_bin_dir`
/// (`yieldc-rustc`, …), the runtime sources under `workspace/library/yieldc_rt`, and the base
/// toolchain `base`.
pub fn assemble(
    driver_bin_dir: &Path,
    workspace: &Path,
    prefix: &Path,
    base: &str,
) -> Result<(), String> {
    let bin = prefix.join("bin");
    let lib_yieldc = prefix.join("lib/yieldc");
    for dir in [&bin, &lib_yieldc] {
        std::fs::create_dir_all(dir)
            .map_err(|err| format!("cannot create `{}`: {err}", dir.display()))?;
    }
    let base_rustc = base_tool(base, "rustc")?;
    let base_rustdoc = base_tool(base, "rustdoc")?;
    let base_cargo = base_tool(base, "cargo")?;
    let mut base_file = format!(
        "# written by `cargo x dist`: the base toolchain `{base}`\nrustc={}\nrustdoc={}\ncargo={}\n",
        base_rustc.display(),
        base_rustdoc.display(),
        base_cargo.display()
    );
    let clippy_driver = base_tool(base, "clippy-driver").ok();
    if let Some(path) = &clippy_driver {
        base_file.push_str(&format!("clippy-driver={}\n", path.display()));
    }
    for (from, to) in [
        ("yieldc-rustc", "rustc"),
        ("yieldc-rustdoc", "rustdoc"),
        ("yieldc-clippy-driver", "clippy-driver"),
    ] {
        let source = driver_bin_dir.join(format!("{from}{}", std::env::consts::EXE_SUFFIX));
        copy_replacing(
            &source,
            &bin.join(format!("{to}{}", std::env::consts::EXE_SUFFIX)),
        )?;
    }
    symlink_replacing(&base_cargo, &bin.join("cargo"))?;
    // `cargo +yieldc fmt`: the base's rustfmt parses and formats generator syntax as nightly's
    // does (it has the parser; the gates are the compiler's).
    for tool in ["rustfmt", "cargo-fmt"] {
        if let Ok(path) = base_tool(base, tool) {
            symlink_replacing(
                &path,
                &bin.join(format!("{tool}{}", std::env::consts::EXE_SUFFIX)),
            )?;
        }
    }
    if let Ok(cargo_clippy) = base_tool(base, "cargo-clippy") {
        copy_replacing(&cargo_clippy, &bin.join("cargo-clippy"))?;
        // cargo-clippy loads librustc_driver from `$ORIGIN/../lib`.
        let base_lib = base_rustc
            .parent()
            .and_then(Path::parent)
            .map(|sysroot| sysroot.join("lib"));
        for entry in base_lib
            .iter()
            .flat_map(|dir| std::fs::read_dir(dir).into_iter().flatten().flatten())
        {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with("librustc_driver")
                || name.starts_with("libLLVM")
                || name.starts_with("rustc_driver")
            {
                symlink_replacing(&entry.path(), &prefix.join("lib").join(&name))?;
            }
        }
    }
    write_replacing(&lib_yieldc.join("base"), base_file.as_bytes())?;
    build_runtime(&base_rustc, workspace, &lib_yieldc, None)?;
    let (host, targets) = installed_targets(&base_rustc)?;
    write_replacing(&lib_yieldc.join("host"), format!("{host}\n").as_bytes())?;
    for target in targets.iter().filter(|target| **target != host) {
        eprintln!("== the runtime for `{target}` ==");
        let dir = lib_yieldc.join(target);
        std::fs::create_dir_all(&dir)
            .map_err(|err| format!("cannot create `{}`: {err}", dir.display()))?;
        // A target the runtime cannot be built for is left out (the driver then says so for
        // a crate compiled for it); the host's is the toolchain.
        if let Err(err) = build_runtime(&base_rustc, workspace, &dir, Some(target)) {
            eprintln!("warning: no runtime for `{target}`: {err}");
        }
    }
    Ok(())
}

/// The host of `base_rustc` and the targets its sysroot has a standard library for (a
/// `lib/rustlib/<target>/lib/libcore-*.rlib`), sorted.
fn installed_targets(base_rustc: &Path) -> Result<(String, Vec<String>), String> {
    let run = |args: &[&str]| -> Result<String, String> {
        let output = Command::new(base_rustc)
            .args(args)
            .output()
            .map_err(|err| format!("cannot run `{}`: {err}", base_rustc.display()))?;
        if !output.status.success() {
            return Err(format!(
                "`{} {}` failed: {}",
                base_rustc.display(),
                args.join(" "),
                String::from_utf8_lossy(&output.stderr).trim()
            ));
        }
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    };
    let version = run(&["-vV"])?;
    let host = version
        .lines()
        .find_map(|line| line.strip_prefix("host: "))
        .ok_or_else(|| format!("`{} -vV` names no host", base_rustc.display()))?
        .trim()
        .to_owned();
    let sysroot = PathBuf::from(run(&["--print", "sysroot"])?.trim());
    let mut targets: Vec<String> = std::fs::read_dir(sysroot.join("lib/rustlib"))
        .into_iter()
        .flatten()
        .flatten()
        .filter(|entry| {
            std::fs::read_dir(entry.path().join("lib"))
                .into_iter()
                .flatten()
                .flatten()
                .any(|file| {
                    let name = file.file_name().to_string_lossy().into_owned();
                    name.starts_with("libcore-") && name.ends_with(".rlib")
                })
        })
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    targets.sort();
    Ok((host, targets))
}

/// Compiles `library/yieldc_rt` with the base rustc into `out_dir/libyieldc_rt.rlib`, for
/// `target` (`None`: the host).
pub fn build_runtime(
    base_rustc: &Path,
    workspace: &Path,
    out_dir: &Path,
    target: Option<&str>,
) -> Result<(), String> {
    let staging = out_dir.join(format!("staging-{}", std::process::id()));
    std::fs::create_dir_all(&staging).map_err(|err| err.to_string())?;
    let status = Command::new(base_rustc)
        .arg(workspace.join("library/yieldc_rt/src/lib.rs"))
        .args(
            target
                .map(|target| ["--target", target])
                .into_iter()
                .flatten(),
        )
        .args([
            "--crate-name",
            "yieldc_rt",
            "--crate-type",
            "rlib",
            "--edition",
            "2021",
        ])
        .args([
            "--cfg",
            "feature=\"alloc\"",
            "-C",
            "opt-level=3",
            "-C",
            "metadata=yieldc",
        ])
        // Diagnostics of user code may cite the runtime (a bound of `Gen::new`, the body of
        // `__gen!`): under this virtual prefix the driver recognizes and drops those parts.
        .arg(format!(
            "--remap-path-prefix={}=<yieldc_rt>",
            workspace.join("library/yieldc_rt").display()
        ))
        .args(["--cap-lints", "allow", "--out-dir"])
        .arg(&staging)
        .status()
        .map_err(|err| format!("cannot run `{}`: {err}", base_rustc.display()))?;
    if !status.success() {
        std::fs::remove_dir_all(&staging).ok();
        return Err(format!(
            "building the runtime with `{}` failed",
            base_rustc.display()
        ));
    }
    let result = std::fs::rename(
        staging.join("libyieldc_rt.rlib"),
        out_dir.join("libyieldc_rt.rlib"),
    )
    .map_err(|err| format!("cannot install the runtime rlib: {err}"));
    std::fs::remove_dir_all(&staging).ok();
    result
}

fn copy_replacing(from: &Path, to: &Path) -> Result<(), String> {
    let temporary = to.with_extension(format!("tmp{}", std::process::id()));
    std::fs::copy(from, &temporary)
        .map_err(|err| format!("cannot copy `{}`: {err}", from.display()))?;
    std::fs::rename(&temporary, to)
        .map_err(|err| format!("cannot install `{}`: {err}", to.display()))
}

fn write_replacing(to: &Path, contents: &[u8]) -> Result<(), String> {
    if std::fs::read(to).is_ok_and(|existing| existing == contents) {
        return Ok(());
    }
    let temporary = to.with_extension(format!("tmp{}", std::process::id()));
    std::fs::write(&temporary, contents).map_err(|err| err.to_string())?;
    std::fs::rename(&temporary, to).map_err(|err| format!("cannot write `{}`: {err}", to.display()))
}

fn symlink_replacing(target: &Path, link: &Path) -> Result<(), String> {
    if std::fs::read_link(link).is_ok_and(|existing| existing == target) {
        return Ok(());
    }
    let temporary = link.with_extension(format!("tmp{}", std::process::id()));
    #[cfg(unix)]
    std::os::unix::fs::symlink(target, &temporary).map_err(|err| err.to_string())?;
    #[cfg(not(unix))]
    std::fs::copy(target, &temporary).map_err(|err| err.to_string())?;
    std::fs::rename(&temporary, link)
        .map_err(|err| format!("cannot install `{}`: {err}", link.display()))
}
