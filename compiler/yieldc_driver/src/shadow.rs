//! The shadow tree: a mirror of the package under the target directory in which every `.rs`
//! file that uses coroutine syntax is replaced by its lowering.
//!
//! Directories are real; a lowered file is a real file, written only when its content changed
//! (so incremental compilation sees stable mtimes); every other file is a symlink to the
//! original (so `include_str!`, `#[path]` and data files resolve as in the package, at no copying
//! cost). Entries that no longer exist in the package are removed. The caller holds the shadow's
//! lock (see [`lock`]) for the whole rustc run, so parallel rustc processes never see a
//! half-written tree.

use std::collections::HashMap;
use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

use crate::lowering::LoweredFile;

/// The lowered files of a shadow, by original absolute path.
pub type LoweredFiles = HashMap<PathBuf, (String, LoweredFile)>;

/// Takes the exclusive lock of `shadow_dir` (a `.lock` file beside it).
pub fn lock(shadow_dir: &Path) -> io::Result<File> {
    if let Some(parent) = shadow_dir.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let mut lock_path = shadow_dir.as_os_str().to_owned();
    lock_path.push(".lock");
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(PathBuf::from(lock_path))?;
    file.lock()?;
    Ok(file)
}

/// Mirrors `base_dir` (the package directory, or an ancestor of it) into `shadow_dir`: each file
/// of `lowered_files` (absolute original paths inside `base_dir`) is written with its lowered
/// text; the directories on the way to them and to `real_dir` (the crate root's directory, so
/// that `..` from it stays in the shadow) are real; every other entry — file or whole directory
/// — is one symlink to the original. So the cost is proportional to the directories that hold
/// lowered files, not to the package. `skip` lists absolute directories not to mirror at all
/// (target dirs).
pub fn sync(
    base_dir: &Path,
    shadow_dir: &Path,
    skip: &[PathBuf],
    lowered_files: &LoweredFiles,
    real_dir: &Path,
) -> io::Result<()> {
    std::fs::create_dir_all(shadow_dir)?;
    let context = SyncContext {
        skip,
        lowered_files,
        real_dir,
    };
    sync_dir(base_dir, shadow_dir, &context, 0)
}

struct SyncContext<'a> {
    skip: &'a [PathBuf],
    lowered_files: &'a LoweredFiles,
    real_dir: &'a Path,
}

fn sync_dir(
    original_dir: &Path,
    shadow_dir: &Path,
    context: &SyncContext<'_>,
    depth: usize,
) -> io::Result<()> {
    let (skip, lowered_files) = (context.skip, context.lowered_files);
    let mut wanted = std::collections::HashSet::new();
    for entry in std::fs::read_dir(original_dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let original = entry.path();
        if name == ".git" || skip.iter().any(|skipped| skipped == &original) {
            continue;
        }
        let shadow = shadow_dir.join(&name);
        if let Some((_, lowered)) = lowered_files.get(&original) {
            wanted.insert(name);
            write_if_changed(&shadow, lowered.text.as_bytes())?;
            continue;
        }
        let holds_lowered_files = lowered_files.keys().any(|path| path.starts_with(&original))
            || context.real_dir.starts_with(&original);
        let is_dir = std::fs::metadata(&original).is_ok_and(|m| m.is_dir());
        if is_dir && holds_lowered_files && depth < 64 {
            wanted.insert(name);
            if std::fs::symlink_metadata(&shadow).is_ok_and(|m| !m.is_dir()) {
                std::fs::remove_file(&shadow)?;
            }
            std::fs::create_dir_all(&shadow)?;
            sync_dir(&original, &shadow, context, depth + 1)?;
            continue;
        }
        // A directory holding a cargo target dir (`CACHEDIR.TAG`) is not mirrored.
        if is_dir && original.join("CACHEDIR.TAG").exists() {
            continue;
        }
        wanted.insert(name);
        link(&original, &shadow)?;
    }
    for entry in std::fs::read_dir(shadow_dir)? {
        let entry = entry?;
        if wanted.contains(&entry.file_name()) {
            continue;
        }
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            std::fs::remove_dir_all(&path)?;
        } else {
            std::fs::remove_file(&path)?;
        }
    }
    Ok(())
}

fn write_if_changed(path: &Path, contents: &[u8]) -> io::Result<()> {
    match std::fs::symlink_metadata(path) {
        Ok(metadata) if metadata.file_type().is_symlink() => std::fs::remove_file(path)?,
        Ok(metadata) if metadata.is_file() => {
            if std::fs::read(path).is_ok_and(|existing| existing == contents) {
                return Ok(());
            }
        }
        Ok(_) => std::fs::remove_dir_all(path)?,
        Err(_) => {}
    }
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(format!(".tmp{}", std::process::id()));
    std::fs::write(&temporary, contents)?;
    std::fs::rename(&temporary, path)
}

fn link(original: &Path, shadow: &Path) -> io::Result<()> {
    match std::fs::symlink_metadata(shadow) {
        Ok(metadata) if metadata.file_type().is_symlink() => {
            if std::fs::read_link(shadow).is_ok_and(|target| target == original) {
                return Ok(());
            }
            std::fs::remove_file(shadow)?;
        }
        Ok(metadata) if metadata.is_dir() => std::fs::remove_dir_all(shadow)?,
        Ok(_) => std::fs::remove_file(shadow)?,
        Err(_) => {}
    }
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(original, shadow)
    }
    #[cfg(not(unix))]
    {
        std::fs::copy(original, shadow).map(|_| ())
    }
}
