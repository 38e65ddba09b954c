//! Hashes the front end's sources into `YIELDC_LOWERING_HASH`, printed by `rustc -vV`: cargo keys
//! its caches on that output, so a change of the lowering rebuilds every crate.

use std::hash::{Hash, Hasher};
use std::path::Path;

fn main() {
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").unwrap();
    let compiler_dir = Path::new(&manifest_dir).parent().unwrap().to_path_buf();
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for crate_name in ["yieldc_syntax", "yieldc_lower", "yieldc_driver"] {
        let src = compiler_dir.join(crate_name).join("src");
        println!("cargo:rerun-if-changed={}", src.display());
        let mut files = Vec::new();
        collect(&src, &mut files);
        files.sort();
        for file in files {
            file.strip_prefix(&compiler_dir).unwrap().hash(&mut hasher);
            std::fs::read(&file).unwrap_or_default().hash(&mut hasher);
        }
    }
    println!(
        "cargo:rustc-env=YIELDC_LOWERING_HASH={:016x}",
        hasher.finish()
    );
}

fn collect(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            collect(&path, files);
        } else {
            files.push(path);
        }
    }
}
