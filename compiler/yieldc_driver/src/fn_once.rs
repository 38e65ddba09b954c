//! Which `iter!` closures of a crate are `FnOnce` (see the driver's `Compiled::Again`), kept
//! between builds beside the crate's shadow tree (`<shadow>.fn-once`), so that a rebuild does
//! not compile the crate twice again to learn them.
//!
//! One line per closure: the fingerprint of its file's text, the original offset the lowering
//! looks for in the closure's head, and the file's path. A closure is taken from the file only
//! while its file's text is unchanged. Whether a closure is `FnOnce` can still depend on other
//! files (a method of a capture's type that takes `&mut self`): a compilation with closures
//! from this file that fails with an error about a closure that only implements `FnOnce` is
//! redone without them (the driver's `Compiled::Fresh`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Original offsets of `iter!` closures that are to be `FnOnce`, by file (see
/// `yieldc_lower::LowerOptions::fn_once_closures`).
pub type FnOnceClosures = BTreeMap<PathBuf, Vec<usize>>;

/// Where the closures of the crate whose shadow tree is `shadow_dir` are kept.
pub fn saved_path(shadow_dir: &Path) -> PathBuf {
    let mut name = shadow_dir.as_os_str().to_owned();
    name.push(".fn-once");
    PathBuf::from(name)
}

/// The saved closures of the files in `texts` whose text is the one they were saved with.
/// Nothing when there is no such file or it cannot be read.
pub fn read(saved: &Path, texts: &[(PathBuf, String)]) -> FnOnceClosures {
    let mut closures = FnOnceClosures::new();
    let Ok(contents) = std::fs::read_to_string(saved) else {
        return closures;
    };
    for line in contents.lines() {
        let mut fields = line.splitn(3, '\t');
        let (Some(fingerprint), Some(offset), Some(path)) =
            (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        let (Ok(fingerprint), Ok(offset)) = (
            u64::from_str_radix(fingerprint, 16),
            offset.parse::<usize>(),
        ) else {
            continue;
        };
        let path = PathBuf::from(path);
        let unchanged = texts
            .iter()
            .any(|(file, text)| *file == path && self::fingerprint(text) == fingerprint);
        if unchanged {
            let offsets = closures.entry(path).or_default();
            if !offsets.contains(&offset) {
                offsets.push(offset);
            }
        }
    }
    closures
}

/// Saves `closures` (of files in `texts`) for the next build; removes the file when there are
/// none. Best effort: a build does not fail because of it.
pub fn write(saved: &Path, closures: &FnOnceClosures, texts: &[(PathBuf, String)]) {
    let mut contents = String::new();
    for (path, offsets) in closures {
        let Some((_, text)) = texts.iter().find(|(file, _)| file == path) else {
            continue;
        };
        let Some(shown) = path.to_str().filter(|shown| !shown.contains('\n')) else {
            continue;
        };
        for offset in offsets {
            contents.push_str(&format!("{:016x}\t{offset}\t{shown}\n", fingerprint(text)));
        }
    }
    if contents.is_empty() {
        std::fs::remove_file(saved).ok();
    } else if std::fs::read_to_string(saved).ok().as_deref() != Some(contents.as_str()) {
        std::fs::write(saved, contents).ok();
    }
}

/// FNV-1a of `text`: the same for the same text in every build of the driver.
fn fingerprint(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closures_are_kept_while_their_file_is_unchanged() {
        let dir = std::env::temp_dir().join(format!("yieldc-fn-once-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let saved = saved_path(&dir.join("shadow"));
        let a = (dir.join("a.rs"), "fn a() {}".to_string());
        let b = (dir.join("b b.rs"), "fn b() {}".to_string());
        let mut closures = FnOnceClosures::new();
        closures.insert(a.0.clone(), vec![3, 7]);
        closures.insert(b.0.clone(), vec![1]);
        write(&saved, &closures, &[a.clone(), b.clone()]);
        assert_eq!(read(&saved, &[a.clone(), b.clone()]), closures);
        // An edited file loses its closures; a file no longer in the crate too.
        let edited = (a.0.clone(), "fn a() { }".to_string());
        let only_b: FnOnceClosures = [(b.0.clone(), vec![1])].into_iter().collect();
        assert_eq!(read(&saved, &[edited, b.clone()]), only_b);
        assert_eq!(read(&saved, std::slice::from_ref(&b)), only_b);
        // None: the file goes.
        write(&saved, &FnOnceClosures::new(), &[a, b]);
        assert!(!saved.exists());
        assert!(read(&saved, &[]).is_empty());
        std::fs::write(&saved, "not\ta line\n\tof\tours\nzz\t1\tx\n").unwrap();
        assert!(read(&saved, &[]).is_empty());
        std::fs::remove_dir_all(&dir).ok();
    }
}
