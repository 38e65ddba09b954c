//! What the driver's end-to-end tests share (`toolchain.rs`, `faults.rs`): the toolchain
//! assembled from this test run's driver binaries, generated cargo projects, the wrapper run
//! directly on files, and assertions.
//!
//! Each test binary works in its own scratch directory under `CARGO_TARGET_TMPDIR`
//! (`yieldc-driver-tests` for `toolchain`, `yieldc-driver-tests-faults` for `faults`), so two
//! binaries never assemble into the same toolchain directory.

#![allow(dead_code)]

#[allow(dead_code)]
#[path = "../../../../xtask/src/dist.rs"]
pub mod dist;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;
use std::time::SystemTime;

pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// This test binary's scratch directory.
pub fn scratch() -> PathBuf {
    let name = match env!("CARGO_CRATE_NAME") {
        "toolchain" => "yieldc-driver-tests".to_string(),
        other => format!("yieldc-driver-tests-{other}"),
    };
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name)
}

/// The assembled toolchain (once per test process).
pub fn toolchain() -> &'static Path {
    static TOOLCHAIN: OnceLock<PathBuf> = OnceLock::new();
    TOOLCHAIN.get_or_init(|| {
        let prefix = scratch().join("toolchain");
        let bin_dir = Path::new(env!("CARGO_BIN_EXE_yieldc-rustc"))
            .parent()
            .unwrap();
        let config = dist::Config::load(&workspace());
        dist::assemble(bin_dir, &workspace(), &prefix, &config.base)
            .expect("assembling the toolchain");
        prefix
    })
}

pub fn rustc() -> PathBuf {
    toolchain().join("bin/rustc")
}

/// The base toolchain's `rustc` (what the wrapper runs).
pub fn base_rustc() -> PathBuf {
    dist::base_tool(&dist::Config::load(&workspace()).base, "rustc").unwrap()
}

pub struct Project {
    pub dir: PathBuf,
    pub target: PathBuf,
}

impl Project {
    /// A fresh package `name` with `files` (path, contents); `Cargo.toml` is generated unless
    /// given.
    pub fn new(name: &str, files: &[(&str, &str)]) -> Project {
        let dir = scratch().join("projects").join(name);
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        if !files.iter().any(|(path, _)| *path == "Cargo.toml") {
            let manifest = format!(
                "[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2024\"\n\n[workspace]\n"
            );
            std::fs::write(dir.join("Cargo.toml"), manifest).unwrap();
        }
        for (path, contents) in files {
            write(&dir.join(path), contents);
        }
        Project {
            dir,
            target: scratch().join("shared-target"),
        }
    }

    pub fn with_target(mut self, target: PathBuf) -> Project {
        self.target = target;
        self
    }

    pub fn cargo(&self, args: &[&str]) -> Output {
        self.cargo_with(args, &[])
    }

    pub fn cargo_with(&self, args: &[&str], env: &[(&str, &Path)]) -> Output {
        let toolchain = toolchain();
        let mut command = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
        command
            .args(args)
            .current_dir(&self.dir)
            .env("RUSTC", toolchain.join("bin/rustc"))
            .env("RUSTDOC", toolchain.join("bin/rustdoc"))
            .env("CARGO_TARGET_DIR", &self.target)
            .env("CARGO_TERM_COLOR", "never")
            .env_remove("RUSTC_WRAPPER")
            .env_remove("RUSTC_WORKSPACE_WRAPPER")
            .env_remove("CARGO_MANIFEST_DIR")
            .env_remove("RUSTFLAGS");
        for (key, value) in env {
            command.env(key, value);
        }
        command.output().expect("running cargo")
    }

    pub fn shadow_dirs(&self, crate_name: &str) -> Vec<PathBuf> {
        let Ok(entries) = std::fs::read_dir(self.target.join("yieldc/shadow")) else {
            return Vec::new();
        };
        entries
            .flatten()
            .map(|entry| entry.path())
            .filter(|path| {
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                path.is_dir() && (name == crate_name || name.starts_with(&format!("{crate_name}-")))
            })
            .collect()
    }
}

/// A fresh scratch directory `name` holding `files`, and the assembled `rustc` run there
/// directly (no cargo) with `args`.
pub fn direct_rustc(name: &str, files: &[(&str, &str)], args: &[&str]) -> (PathBuf, Output) {
    let dir = scratch().join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (path, contents) in files {
        write(&dir.join(path), contents);
    }
    let output = Command::new(rustc())
        .args(args)
        .current_dir(&dir)
        .env_remove("CARGO_MANIFEST_DIR")
        .output()
        .unwrap();
    (dir, output)
}

pub fn write(path: &Path, contents: impl AsRef<[u8]>) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, contents).unwrap();
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[track_caller]
pub fn assert_success(output: &Output) {
    assert!(
        output.status.success(),
        "failed: {}\nstdout:\n{}\nstderr:\n{}",
        output.status,
        text(&output.stdout),
        text(&output.stderr)
    );
}

#[track_caller]
pub fn assert_no_shadow_leak(stderr: &str) {
    assert!(
        !stderr.contains("yieldc/shadow"),
        "a shadow path leaked:\n{stderr}"
    );
    assert!(
        !stderr.contains("__yieldc"),
        "lowered text leaked:\n{stderr}"
    );
}

/// Every entry under `dir` (recursively, symlinks not followed) except the top-level entries
/// named in `except`, with its size and modification time: two snapshots differ when anything
/// was created, removed or written.
pub fn snapshot(dir: &Path, except: &[&str]) -> BTreeMap<PathBuf, (u64, Option<SystemTime>)> {
    fn walk(
        dir: &Path,
        base: &Path,
        except: &[&str],
        out: &mut BTreeMap<PathBuf, (u64, Option<SystemTime>)>,
    ) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let relative = path.strip_prefix(base).unwrap().to_path_buf();
            if dir == base && except.iter().any(|name| entry.file_name() == **name) {
                continue;
            }
            let Ok(metadata) = std::fs::symlink_metadata(&path) else {
                continue;
            };
            if metadata.is_dir() {
                // A directory's mtime changes with its entries, which are listed themselves.
                out.insert(relative, (0, None));
                walk(&path, base, except, out);
            } else {
                out.insert(relative, (metadata.len(), metadata.modified().ok()));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, except, &mut out);
    out
}
