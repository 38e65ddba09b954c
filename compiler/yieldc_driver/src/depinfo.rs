//! dep-info (`.d`) files name the files rustc read: shadow paths, which cargo would fingerprint
//! instead of the user's files. They are rewritten to the original paths before the driver
//! exits.

use std::path::Path;

/// Replaces the shadow directory's prefix by the package's, as the caller spelled it (rustc
/// writes the paths it was given: `../p/main.rs`, `src/main.rs`), in a dep-info file.
pub fn rewrite(dep_info: &Path, shadow_prefix: &str, original_prefix: &str) -> std::io::Result<()> {
    let text = match std::fs::read_to_string(dep_info) {
        Ok(text) => text,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(err) => return Err(err),
    };
    let rewritten = rewrite_text(&text, shadow_prefix, original_prefix);
    if rewritten != text {
        std::fs::write(dep_info, rewritten)?;
    }
    Ok(())
}

/// The text of a dep-info file with `shadow_prefix` replaced by `original_prefix` (each a
/// directory with its trailing `/`, or the original one empty: relative to rustc's working
/// directory), also in the escaped form make uses for spaces.
pub fn rewrite_text(text: &str, shadow_prefix: &str, original_prefix: &str) -> String {
    let escaped_shadow = shadow_prefix.replace(' ', "\\ ");
    let escaped_original = original_prefix.replace(' ', "\\ ");
    let text = text.replace(&escaped_shadow, &escaped_original);
    text.replace(shadow_prefix, original_prefix)
}

/// Adds `# env-dep:NAME[=VALUE]` to a dep-info file, the line rustc writes for `env!`: cargo
/// then rebuilds the crate when the variable changes (`YIELDC_FORCE_BOXED` changes the
/// lowering).
pub fn add_env_dependency(dep_info: &Path, name: &str, value: Option<&str>) -> std::io::Result<()> {
    let mut text = match std::fs::read_to_string(dep_info) {
        Ok(text) => text,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(err) => return Err(err),
    };
    text.push_str(&env_dependency_line(name, value));
    std::fs::write(dep_info, text)
}

fn env_dependency_line(name: &str, value: Option<&str>) -> String {
    match value {
        // rustc's escaping of the value: `\\` and `\n`.
        Some(value) => format!(
            "# env-dep:{name}={}\n",
            value.replace('\\', "\\\\").replace('\n', "\\n")
        ),
        None => format!("# env-dep:{name}\n"),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn env_dependency_lines() {
        assert_eq!(
            super::env_dependency_line("YIELDC_FORCE_BOXED", Some("1")),
            "# env-dep:YIELDC_FORCE_BOXED=1\n"
        );
        assert_eq!(
            super::env_dependency_line("V", Some("a\\b\nc")),
            "# env-dep:V=a\\\\b\\nc\n"
        );
        assert_eq!(super::env_dependency_line("V", None), "# env-dep:V\n");
    }

    #[test]
    fn rewrites_paths() {
        let text = "/t/main.d: /t/yieldc/shadow/x/src/main.rs /t/yieldc/shadow/x/src/a.txt\n\n/t/yieldc/shadow/x/src/main.rs:\n";
        assert_eq!(
            super::rewrite_text(text, "/t/yieldc/shadow/x/", "/home/p/"),
            "/t/main.d: /home/p/src/main.rs /home/p/src/a.txt\n\n/home/p/src/main.rs:\n"
        );
        assert_eq!(
            super::rewrite_text(text, "/t/yieldc/shadow/x/", ""),
            "/t/main.d: src/main.rs src/a.txt\n\nsrc/main.rs:\n"
        );
        let spaced = "/o/m.d: /t/sh\\ ad/m.rs\n\n/t/sh\\ ad/m.rs:\n";
        assert_eq!(
            super::rewrite_text(spaced, "/t/sh ad/", "../a b/"),
            "/o/m.d: ../a\\ b/m.rs\n\n../a\\ b/m.rs:\n"
        );
    }
}
