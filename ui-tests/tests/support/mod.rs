//! What both test targets share: the assembled toolchain.
//!
//! The driver is built by cargo (`cargo build --release -p yieldc_driver --bins`, a no-op when it
//! is fresh) into this test's own target directory, and assembled by `xtask/src/dist.rs` — the
//! same code `cargo x dist` and the driver's tests use — into `<target>/ui-tests/toolchain`, so
//! the suite always tests the driver of this checkout and never touches `build/toolchain`.

#![allow(dead_code)]

#[path = "../../../xtask/src/dist.rs"]
mod dist;

use std::path::{Path, PathBuf};
use std::process::Command;

pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("ui-tests is in the workspace")
        .to_path_buf()
}

/// `<target>`: the directory holding `debug/deps/<this test binary>`.
pub fn target_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("the test binary's path");
    exe.ancestors()
        .nth(3)
        .expect("the test binary lives in <target>/<profile>/deps")
        .to_path_buf()
}

/// Builds the driver and assembles the toolchain; returns its directory (`bin/rustc` inside).
pub fn toolchain() -> PathBuf {
    let workspace = workspace();
    let target = target_dir();
    let status = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
        .current_dir(&workspace)
        .args([
            "build",
            "--quiet",
            "--release",
            "-p",
            "yieldc_driver",
            "--bins",
        ])
        .env("CARGO_TARGET_DIR", &target)
        .status()
        .expect("running cargo to build the driver");
    assert!(status.success(), "building yieldc_driver failed");
    let prefix = target.join("ui-tests/toolchain");
    let config = dist::Config::load(&workspace);
    dist::assemble(&target.join("release"), &workspace, &prefix, &config.base)
        .expect("assembling the toolchain");
    prefix
}
