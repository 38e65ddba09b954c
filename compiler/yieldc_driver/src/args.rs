//! Reading a rustc command line: the crate root, the options the driver needs, and the
//! positions of the ones it rewrites. Nothing here touches the file system.

use std::path::{Path, PathBuf};

/// rustc options that take their value as the next argument (when not written `--opt=value`).
const OPTIONS_WITH_VALUE: &[&str] = &[
    "--cfg",
    "--check-cfg",
    "-L",
    "-l",
    "--crate-type",
    "--crate-name",
    "--edition",
    "--emit",
    "--print",
    "-o",
    "--out-dir",
    "--explain",
    "--target",
    "-A",
    "--allow",
    "-W",
    "--warn",
    "--force-warn",
    "-D",
    "--deny",
    "-F",
    "--forbid",
    "--cap-lints",
    "-C",
    "--codegen",
    "-Z",
    "--extern",
    "--sysroot",
    "--error-format",
    "--json",
    "--color",
    "--diagnostic-width",
    "--remap-path-prefix",
    "--env-set",
    "--extern-location",
    "--crate-version",
    "--default-theme",
    "--test-args",
    "--runtool",
    "--runtool-arg",
    "--extend-css",
    "--html-in-header",
    "--html-before-content",
    "--html-after-content",
    "--markdown-css",
    "--resource-suffix",
    "--theme",
    "--check-theme",
    "--playground-url",
    "--test-builder",
    "--test-run-directory",
    "--persist-doctests",
    "--document-private-items-x",
    "--scrape-examples-output-path",
    "--scrape-examples-target-crate",
    "--with-examples",
    "--index-page",
    "--library-path",
    "--passes",
    "--output-format",
    "--extern-html-root-url",
    "--doctest-compilation-args",
];

/// `path` as rustc's `--remap-path-prefix` shows it: the last mapping whose `FROM` is a prefix
/// of `path` (whole components) replaces it by its `TO`; `None` if none applies.
pub fn remap_path(mappings: &[(PathBuf, PathBuf)], path: &Path) -> Option<PathBuf> {
    mappings.iter().rev().find_map(|(from, to)| {
        let rest = path.strip_prefix(from).ok()?;
        Some(if rest.as_os_str().is_empty() {
            to.clone()
        } else {
            to.join(rest)
        })
    })
}

/// The facts about a command line that the driver acts on.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CommandLine {
    /// The arguments, after the wrapper's own have been taken out.
    pub args: Vec<String>,
    /// Index in `args` of the crate root (the positional input), if any.
    pub input_index: Option<usize>,
    /// `--crate-name`.
    pub crate_name: Option<String>,
    /// `--edition`.
    pub edition: Option<String>,
    /// `--target`.
    pub target: Option<String>,
    /// `-C extra-filename=`.
    pub extra_filename: Option<String>,
    /// `--out-dir`.
    pub out_dir: Option<String>,
    /// `-o`.
    pub output: Option<String>,
    /// `--emit` values, joined.
    pub emit: Vec<String>,
    /// `--error-format`.
    pub error_format: Option<String>,
    /// `--json` values.
    pub json: Vec<String>,
    /// `--color`.
    pub color: Option<String>,
    /// `--diagnostic-width`.
    pub diagnostic_width: Option<usize>,
    /// Whether an `--extern yieldc_rt` is present.
    pub has_yieldc_rt_extern: bool,
    /// Whether the line is a probe (`-vV`, `--version`, `--print`, `--help`, `-`).
    pub is_probe: bool,
    /// `--yieldc-print-lowered FILE` (the wrapper's own flag).
    pub print_lowered: Option<String>,
    /// `--help`/`-h`.
    pub wants_help: bool,
    /// `-vV`/`--version`/`-V`.
    pub wants_version: bool,
}

impl CommandLine {
    /// Reads `args` (without the program name).
    pub fn parse(raw_args: Vec<String>) -> CommandLine {
        let mut line = CommandLine::default();
        let mut args = Vec::with_capacity(raw_args.len());
        let mut iter = raw_args.into_iter();
        while let Some(arg) = iter.next() {
            if arg == "--yieldc-print-lowered" {
                line.print_lowered = iter.next();
                continue;
            }
            if let Some(value) = arg.strip_prefix("--yieldc-print-lowered=") {
                line.print_lowered = Some(value.to_string());
                continue;
            }
            args.push(arg);
        }
        let mut index = 0;
        while index < args.len() {
            let arg = args[index].clone();
            let (name, inline_value) = match arg.split_once('=') {
                Some((name, value)) if name.starts_with("--") => (name.to_string(), Some(value)),
                _ => (arg.clone(), None),
            };
            // Short options glued to their value: `-Cfoo`, `-Lfoo`.
            let glued = ["-C", "-L", "-l", "-A", "-W", "-D", "-F", "-Z", "-o"]
                .iter()
                .find(|short| arg.len() > 2 && arg.starts_with(**short) && !arg.starts_with("--"));
            let (name, value, consumed) = if let Some(short) = glued {
                (short.to_string(), Some(arg[2..].to_string()), 1)
            } else if let Some(value) = inline_value {
                (name, Some(value.to_string()), 1)
            } else if OPTIONS_WITH_VALUE.contains(&name.as_str()) {
                (name, args.get(index + 1).cloned(), 2)
            } else {
                (name, None, 1)
            };
            match (name.as_str(), value) {
                ("--crate-name", Some(value)) => line.crate_name = Some(value),
                ("--edition", Some(value)) => line.edition = Some(value),
                ("--target", Some(value)) => line.target = Some(value),
                ("-C" | "--codegen", Some(value)) => {
                    if let Some(extra) = value.strip_prefix("extra-filename=") {
                        line.extra_filename = Some(extra.to_string());
                    }
                }
                ("--out-dir", Some(value)) => line.out_dir = Some(value),
                ("-o", Some(value)) => line.output = Some(value),
                ("--emit", Some(value)) => line.emit.push(value),
                ("--error-format", Some(value)) => line.error_format = Some(value),
                ("--json", Some(value)) => line.json.push(value),
                ("--color", Some(value)) => line.color = Some(value),
                ("--diagnostic-width", Some(value)) => line.diagnostic_width = value.parse().ok(),
                ("--extern", Some(value)) => {
                    let crate_part = value
                        .split_once('=')
                        .map_or(value.as_str(), |(name, _)| name);
                    let crate_part = crate_part.rsplit(':').next().unwrap_or(crate_part);
                    if crate_part == "yieldc_rt" {
                        line.has_yieldc_rt_extern = true;
                    }
                }
                ("--print", _) => line.is_probe = true,
                ("--explain", _) => line.is_probe = true,
                ("-vV" | "-V" | "--version", _) => {
                    line.is_probe = true;
                    line.wants_version = true;
                }
                ("-h" | "--help", _) => {
                    line.is_probe = true;
                    line.wants_help = true;
                }
                ("-", None) => {
                    line.is_probe = true;
                    line.input_index = Some(index);
                }
                (_, None) if !arg.starts_with('-') && consumed == 1 => {
                    line.input_index = Some(index);
                }
                _ => {}
            }
            index += consumed;
        }
        if args.iter().any(|arg| arg == "-v") && args.iter().any(|arg| arg == "-V") {
            line.is_probe = true;
            line.wants_version = true;
        }
        line.args = args;
        line
    }

    /// The crate root as written on the command line.
    pub fn input(&self) -> Option<&str> {
        self.input_index.map(|index| self.args[index].as_str())
    }

    /// Whether the caller reads JSON diagnostics.
    pub fn wants_json(&self) -> bool {
        self.error_format.as_deref() == Some("json")
    }

    /// The `--remap-path-prefix FROM=TO` mappings, in command-line order (split at the last
    /// `=`, as rustc does).
    pub fn remap_path_prefixes(&self) -> Vec<(PathBuf, PathBuf)> {
        let mut mappings = Vec::new();
        let mut args = self.args.iter();
        while let Some(arg) = args.next() {
            let value = if arg == "--remap-path-prefix" {
                args.next().map(String::as_str)
            } else {
                arg.strip_prefix("--remap-path-prefix=")
            };
            if let Some((from, to)) = value.and_then(|value| value.rsplit_once('=')) {
                mappings.push((PathBuf::from(from), PathBuf::from(to)));
            }
        }
        mappings
    }

    /// The dep-info file this invocation writes, if any.
    pub fn dep_info_path(&self) -> Option<String> {
        let mut emits_dep_info = false;
        for emit in &self.emit {
            for kind in emit.split(',') {
                if let Some(path) = kind.strip_prefix("dep-info=") {
                    return Some(path.to_string());
                }
                if kind == "dep-info" {
                    emits_dep_info = true;
                }
            }
        }
        if !emits_dep_info {
            return None;
        }
        // rustc's output file stem: the crate name if given, else the input's stem as it is
        // (`a-b.rs` → `a-b.d`, though the crate is `a_b`).
        let crate_name = self.crate_name.clone().or_else(|| {
            let input = self.input()?;
            Some(Path::new(input).file_stem()?.to_str()?.to_string())
        })?;
        let extra = self.extra_filename.clone().unwrap_or_default();
        let file = format!("{crate_name}{extra}.d");
        match (&self.out_dir, &self.output) {
            (Some(dir), _) => Some(format!("{dir}/{file}")),
            (None, Some(output)) => {
                let output = Path::new(output);
                Some(output.with_extension("d").to_string_lossy().into_owned())
            }
            (None, None) => Some(file),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(line: &str) -> CommandLine {
        CommandLine::parse(line.split_whitespace().map(String::from).collect())
    }

    #[test]
    fn finds_the_crate_root_among_cargo_flags() {
        let line = parse(
            "--crate-name hello --edition=2024 src/main.rs --error-format=json \
             --json=diagnostic-rendered-ansi,artifacts --crate-type bin \
             --emit=dep-info,link -C embed-bitcode=no -C extra-filename=-0a1b \
             --out-dir /t/debug/deps -L dependency=/t/debug/deps --extern foo=/x.rlib",
        );
        assert_eq!(line.input(), Some("src/main.rs"));
        assert_eq!(line.crate_name.as_deref(), Some("hello"));
        assert_eq!(line.edition.as_deref(), Some("2024"));
        assert_eq!(line.extra_filename.as_deref(), Some("-0a1b"));
        assert!(line.wants_json());
        assert!(!line.is_probe);
        assert!(!line.has_yieldc_rt_extern);
        assert_eq!(
            line.dep_info_path().as_deref(),
            Some("/t/debug/deps/hello-0a1b.d")
        );
    }

    #[test]
    fn dep_info_is_named_by_the_output_stem() {
        let path = |line: &str| parse(line).dep_info_path();
        assert_eq!(
            path("a-b.rs --emit=dep-info,link --out-dir o").as_deref(),
            Some("o/a-b.d")
        );
        assert_eq!(
            path("a-b.rs --crate-name c --emit=dep-info,link").as_deref(),
            Some("c.d")
        );
        assert_eq!(
            path("a-b.rs --emit=dep-info,link -o x/y.bin").as_deref(),
            Some("x/y.d")
        );
    }

    #[test]
    fn remapped_paths_follow_rustcs_rules() {
        let line = parse(
            "a.rs --remap-path-prefix /home/u=/h --remap-path-prefix=/home/u/p/sub=/S \
             --remap-path-prefix=x=y=/Z",
        );
        let mappings = line.remap_path_prefixes();
        assert_eq!(mappings.len(), 3);
        assert_eq!(mappings[2], (PathBuf::from("x=y"), PathBuf::from("/Z")));
        let remap = |path: &str| remap_path(&mappings, Path::new(path));
        assert_eq!(remap("/home/u/p/a.rs"), Some(PathBuf::from("/h/p/a.rs")));
        assert_eq!(remap("/home/u/p/sub/b.rs"), Some(PathBuf::from("/S/b.rs")));
        // Whole components only, and the last mapping that applies wins.
        assert_eq!(remap("/home/user/a.rs"), None);
        assert_eq!(remap("/home/u"), Some(PathBuf::from("/h")));
    }

    #[test]
    fn probes_and_extern_runtime() {
        assert!(parse("-vV").is_probe);
        assert!(parse("- --crate-name ___ --print=file-names --crate-type bin").is_probe);
        assert!(parse("--extern yieldc_rt=/r/libyieldc_rt.rlib a.rs").has_yieldc_rt_extern);
        assert_eq!(
            parse("--target x86_64-unknown-linux-musl a.rs")
                .target
                .as_deref(),
            Some("x86_64-unknown-linux-musl")
        );
        assert_eq!(
            parse("--target=wasm32-unknown-unknown a.rs")
                .target
                .as_deref(),
            Some("wasm32-unknown-unknown")
        );
        assert!(parse("--extern noprelude:yieldc_rt=/r.rlib a.rs").has_yieldc_rt_extern);
        let line = parse("a.rs --yieldc-print-lowered b.rs");
        assert_eq!(line.print_lowered.as_deref(), Some("b.rs"));
        assert_eq!(line.args, vec!["a.rs".to_string()]);
    }
}
