//! Shared by the checks that compile Markdown code blocks (`rfc_check.rs`, `book_check.rs`):
//! the workspace root and a toolchain assembled from this build's driver.

#[allow(dead_code)]
#[path = "../../src/dist.rs"]
mod dist;

use std::path::{Path, PathBuf};
use std::process::Command;

pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// Builds the driver's binaries in this test's own profile directory (a no-op under
/// `cargo test --workspace`, which has built them already) and assembles a toolchain from them
/// under `CARGO_TARGET_TMPDIR/<name>`.
pub fn toolchain(name: &str) -> PathBuf {
    let profile_dir = std::env::current_exe()
        .unwrap()
        .parent() // deps/
        .and_then(Path::parent)
        .unwrap()
        .to_path_buf();
    let status = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
        .current_dir(workspace())
        .args(["build", "--quiet", "-p", "yieldc_driver", "--bins"])
        .env(
            "CARGO_TARGET_DIR",
            profile_dir.parent().expect("the target directory"),
        )
        .status()
        .expect("running cargo");
    assert!(status.success(), "building yieldc_driver failed");
    let prefix = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let config = dist::Config::load(&workspace());
    dist::assemble(&profile_dir, &workspace(), &prefix, &config.base)
        .expect("assembling the toolchain");
    prefix
}
