//! One run of a wrapper program: find the base tool, decide pass-through or shadow, run it,
//! rewrite what it printed and wrote.

use std::ffi::OsString;
use std::io::{BufRead, BufReader, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::args::CommandLine;
use crate::diagnostics::{OutputMode, Remapper};
use crate::fn_once::FnOnceClosures;
use crate::lowering::{self, Edition, GeneratedKind, LowerRequest};
use crate::{args, depinfo, doc_pages, modules, scan, shadow};

/// yieldc's version, printed by `-vV`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Which program this is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tool {
    /// `bin/rustc` (also usable as `RUSTC_WRAPPER`).
    Rustc,
    /// `bin/rustdoc`.
    Rustdoc,
    /// `bin/clippy-driver` (cargo-clippy's `RUSTC_WORKSPACE_WRAPPER`).
    ClippyDriver,
}

impl Tool {
    fn base_key(self) -> &'static str {
        match self {
            Tool::Rustc => "rustc",
            Tool::Rustdoc => "rustdoc",
            Tool::ClippyDriver => "clippy-driver",
        }
    }

    fn env_override(self) -> &'static str {
        match self {
            Tool::Rustc => "YIELDC_BASE_RUSTC",
            Tool::Rustdoc => "YIELDC_BASE_RUSTDOC",
            Tool::ClippyDriver => "YIELDC_BASE_CLIPPY_DRIVER",
        }
    }
}

/// Runs the program and exits. A panic of the driver is reported like a rustc ICE (exit 101).
pub fn main_for(tool: Tool) -> ! {
    std::panic::set_hook(Box::new(|info| {
        let location = info
            .location()
            .map(|location| format!(" at {}:{}", location.file(), location.line()))
            .unwrap_or_default();
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|text| text.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "(no message)".to_string());
        let args: Vec<String> = std::env::args().collect();
        let input = CURRENT_INPUT
            .get()
            .map(|input| format!("note: input: `{input}`\n"))
            .unwrap_or_default();
        eprintln!(
            "error: internal compiler error: the yieldc driver panicked{location}: {message}\n\n\
             note: this is a bug in yieldc, not in your code; please file a bug report with the \
             command line and the input files\n\
             {input}\
             note: yieldc {VERSION} (lowering {})\n\
             note: command line: {}",
            lowering::LOWERING_HASH,
            args.join(" ")
        );
    }));
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    // The parser and the lowering recurse once per nesting level of the source: they run on a
    // thread with a large stack (nesting is capped at `yieldc_syntax::MAX_NESTING`, see
    // `token_trees.rs`), like rustc's own main thread. Reserving it costs address space only.
    let worker = std::thread::Builder::new()
        .name("yieldc".to_string())
        .stack_size(WORKER_STACK_BYTES)
        .spawn(move || run(tool, args));
    let outcome = match worker {
        Ok(handle) => handle.join(),
        Err(_) => std::panic::catch_unwind(|| run(tool, std::env::args_os().skip(1).collect())),
    };
    let code = match outcome {
        Ok(Ok(code)) => code,
        Ok(Err(message)) => {
            eprintln!("error: {message}");
            1
        }
        Err(_) => 101,
    };
    std::process::exit(code)
}

/// The stack of the thread that runs the driver (see [`main_for`]).
const WORKER_STACK_BYTES: usize = 64 << 20;

/// The crate root being compiled, named in the ICE report.
static CURRENT_INPUT: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// The environment variable that makes the driver panic on purpose while it lowers a crate, to
/// test the ICE report (exit code 101). Set it to `1`; it is read only on that path.
pub const TEST_ICE_VARIABLE: &str = "YIELDC_TEST_ICE";

/// The environment variable that makes the driver redraw every diagnostic whose primary span is
/// in a lowered file, where it otherwise keeps rustc's drawing when the lines it shows read the
/// same in the lowered file. Set it to `1` to compare the redraw with rustc's own drawing of a
/// program (the redraw fidelity probe; `tests/toolchain.rs`).
pub const TEST_FORCE_REDRAW_VARIABLE: &str = "YIELDC_TEST_FORCE_REDRAW";

/// The toolchain directory (`bin/..`) of the running program.
pub fn toolchain_dir() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    Some(exe.parent()?.parent()?.to_path_buf())
}

/// The base toolchain's program for `key` (`rustc`, `rustdoc`, `cargo`, `clippy-driver`), from
/// `lib/yieldc/base` written by `cargo x dist`.
fn base_tool(tool: Tool) -> Result<PathBuf, String> {
    if let Some(path) = std::env::var_os(tool.env_override()) {
        return Ok(PathBuf::from(path));
    }
    let key = tool.base_key();
    let base_file = toolchain_dir()
        .map(|dir| dir.join("lib/yieldc/base"))
        .ok_or("cannot locate the yieldc toolchain directory")?;
    let text = std::fs::read_to_string(&base_file).map_err(|err| {
        format!(
            "yieldc could not find its base {key}: cannot read `{}` ({err}); run `cargo x dist` \
             or set {}",
            base_file.display(),
            tool.env_override()
        )
    })?;
    for line in text.lines() {
        if let Some((name, path)) = line.split_once('=') {
            if name.trim() == key {
                return Ok(PathBuf::from(path.trim()));
            }
        }
    }
    Err(format!("`{}` names no base {key}", base_file.display()))
}

/// The runtime rlib injected as `--extern yieldc_rt`.
/// The runtime rlib for a crate compiled for `target` (`--target`; `None`: the host): the
/// host's in `lib/yieldc/`, another target's in `lib/yieldc/<target>/` (`cargo x dist` builds
/// one for every target the base toolchain has; `lib/yieldc/host` names the host). An error
/// for a target the toolchain has no runtime for, which rustc would report as E0461 at the
/// first generator.
fn runtime_rlib(target: Option<&str>) -> Result<Option<PathBuf>, String> {
    if let Some(path) = std::env::var_os("YIELDC_RT_RLIB") {
        return Ok(Some(PathBuf::from(path)));
    }
    let Some(lib) = toolchain_dir().map(|dir| dir.join("lib/yieldc")) else {
        return Ok(None);
    };
    const RLIB: &str = "libyieldc_rt.rlib";
    if let Some(target) = target {
        // A target given as a path names its specification file.
        let name = Path::new(target).file_stem().map_or_else(
            || target.to_owned(),
            |stem| stem.to_string_lossy().into_owned(),
        );
        let for_target = lib.join(&name).join(RLIB);
        if for_target.exists() {
            return Ok(Some(for_target));
        }
        let host = std::fs::read_to_string(lib.join("host")).unwrap_or_default();
        if !host.trim().is_empty() && host.trim() != name {
            return Err(format!(
                "the runtime of yieldc (`yieldc_rt`) is not built for the target `{name}`: add \
                 the target to the base toolchain (`rustup target add {name} --toolchain \
                 <base>`, the `base` of `yieldc.toml`), then assemble the toolchain again \
                 (`cargo x dist`), which builds the runtime for every target the base has"
            ));
        }
    }
    let path = lib.join(RLIB);
    Ok(path.exists().then_some(path))
}

fn run(tool: Tool, raw_args: Vec<OsString>) -> Result<i32, String> {
    let mut raw_args: Vec<String> = raw_args
        .into_iter()
        .map(|arg| {
            arg.into_string()
                .map_err(|arg| format!("argument is not valid unicode: {arg:?}"))
        })
        .collect::<Result<_, _>>()?;
    // Wrapper mode (`RUSTC_WRAPPER`, or cargo-clippy's `RUSTC_WORKSPACE_WRAPPER`): argv[1] is a
    // rustc. It is dropped: the base tool is the one this toolchain was built for.
    if raw_args.first().is_some_and(|first| is_rustc_path(first)) {
        raw_args.remove(0);
    }
    let line = CommandLine::parse(raw_args);
    if let Some(file) = &line.print_lowered {
        return print_lowered(file, &line);
    }
    let base = base_tool(tool)?;
    if line.wants_help && tool == Tool::Rustc {
        let status = Command::new(&base)
            .args(&line.args)
            .status()
            .map_err(|err| spawn_error(&base, err))?;
        println!(
            "\nyieldc {VERSION}: this rustc lowers nightly coroutine syntax (`gen`, `async gen`, \
             `for await`, `#[coroutine]`, `iter!`) to stable Rust and runs {}.\n    \
             --yieldc-print-lowered FILE\n                    Print the lowered source of FILE \
             (with the crate's --edition) and exit",
            base.display()
        );
        return Ok(status.code().unwrap_or(1));
    }
    if line.wants_version && line.args.iter().any(|arg| arg == "-vV" || arg == "-v") {
        let output = Command::new(&base)
            .args(&line.args)
            .output()
            .map_err(|err| spawn_error(&base, err))?;
        std::io::stdout().write_all(&output.stdout).ok();
        std::io::stderr().write_all(&output.stderr).ok();
        if output.status.success() {
            println!("yieldc: {VERSION} (lowering {})", lowering::LOWERING_HASH);
        }
        return Ok(output.status.code().unwrap_or(1));
    }
    let Some(input) = line.input().filter(|_| !line.is_probe).map(str::to_string) else {
        return pass_through(&base, &line.args);
    };
    let cwd = std::env::current_dir()
        .map_err(|err| format!("cannot read the current directory: {err}"))?;
    let root = crate_root_path(&cwd, &input);
    let _ = CURRENT_INPUT.set(input.clone());
    let Ok(root_text) = std::fs::read_to_string(&root) else {
        return pass_through(&base, &line.args); // rustc reports the unreadable input
    };
    let package_dir = package_dir(&root);
    let doctests = tool == Tool::Rustdoc && line.args.iter().any(|arg| arg == "--test");
    let edition = line
        .edition
        .as_deref()
        .and_then(Edition::from_flag)
        .unwrap_or_default();
    // The runtime itself (a path or registry dependency, for its `stream` feature) is plain
    // stable Rust that merely talks about `yield` and uses the lowering's reserved names.
    let is_runtime = line.crate_name.as_deref() == Some("yieldc_rt");
    // A crate with `#![feature]` is rejected by stable (E0554) unless `RUSTC_BOOTSTRAP` is set;
    // its diagnostics go through the remapper, which drops that E0554 next to an unknown gate's
    // E0635, as nightly reports only the latter.
    let gates = crate_gates(&base, &line, &root_text);
    let feature_errors_to_rewrite =
        !gates.features.is_empty() && std::env::var_os("RUSTC_BOOTSTRAP").is_none();
    let needs_lowering = !is_runtime
        && (scan::crate_uses_coroutine_syntax(&root_text, &gates.features)
            || feature_errors_to_rewrite
            || doctests && doctests_use_coroutine_syntax(&root, &root_text, &package_dir, edition));
    if !needs_lowering {
        // A crate without the syntax may still depend on one with it, whose metadata names
        // `yieldc_rt`: rustc must be able to find it.
        return pass_through_unlowered(&base, line);
    }
    // A second (and third) compilation only when rustc reports an `iter!` closure that must be
    // `FnOnce` (see `Compiled::Again`).
    let mut fn_once = FnOnceClosures::new();
    let mut use_saved = true;
    let mut attempts = 0;
    loop {
        attempts += 1;
        match compile_shadowed(
            tool,
            &base,
            line.clone(),
            &cwd,
            &input,
            &root,
            &root_text,
            &package_dir,
            &gates,
            &fn_once,
            use_saved,
            attempts < MAX_COMPILATIONS,
        )? {
            Compiled::Status(status) => return Ok(status),
            Compiled::Fresh => use_saved = false,
            Compiled::Again(more) => {
                for (path, offset) in more {
                    fn_once.entry(path).or_default().push(offset);
                }
            }
        }
    }
}

/// How often a crate is compiled at most (see [`Compiled::Again`], [`Compiled::Fresh`]): a
/// closure wrapped after a compilation can only hide errors of the same kind behind errors
/// rustc reports before borrow checking, so more than two are rare.
const MAX_COMPILATIONS: usize = 4;

/// The end of [`compile_shadowed`].
enum Compiled {
    /// rustc ran; its exit status.
    Status(i32),
    /// rustc reported that the generator of an `iter!` closure without `move` takes a mutable
    /// borrow of a capture, which escapes the `FnMut` closure rustc inferred ("captured
    /// variable cannot escape `FnMut` closure body"). On nightly the closure is `FnOnce` (its
    /// generator moves the closure's `&mut` capture), and builds. Nothing was shown: compile
    /// again with these closures (file, original offset) made `FnOnce` too.
    Again(Vec<(PathBuf, usize)>),
    /// The compilation took closures saved by an earlier build (see [`crate::fn_once`]) and
    /// failed with an error about a closure that only implements `FnOnce`: one of them may be
    /// `FnOnce` no longer (a capture's method takes `&self` now). Nothing was shown; compile
    /// again without them.
    Fresh,
}

/// Where the driver writes what it shows: the standard error, or, while a compilation may be
/// redone ([`Compiled::Again`]), a buffer that reaches the standard error when dropped
/// unless [`Sink::discard`]ed.
enum Sink {
    Direct(std::io::StderrLock<'static>),
    Held(Vec<u8>),
}

impl Sink {
    fn discard(&mut self) {
        if let Sink::Held(held) = self {
            held.clear();
        }
    }
}

impl Write for Sink {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        match self {
            Sink::Direct(stderr) => stderr.write(bytes),
            Sink::Held(held) => held.write(bytes),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Sink::Direct(stderr) => stderr.flush(),
            Sink::Held(_) => Ok(()),
        }
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        if let Sink::Held(held) = self {
            std::io::stderr().write_all(held).ok();
        }
    }
}

/// The crate's feature gates: its root's `#![feature(..)]` entries and, when the root has a
/// `cfg_attr`, those of its `#![cfg_attr(PREDICATE, feature(..))]` whose predicate holds.
#[derive(Clone, Debug, Default)]
struct Gates {
    features: Vec<String>,
    /// The active configuration (rustc's `--print cfg`), only read for a root with `cfg_attr`.
    active_cfgs: Option<Vec<String>>,
}

fn crate_gates(base: &Path, line: &CommandLine, root_text: &str) -> Gates {
    let mut features = scan::crate_features(root_text);
    // Only a root whose `cfg_attr` may name a gate yieldc implements pays for the base rustc's
    // `--print cfg` (`#![cfg_attr(docsrs, feature(doc_cfg))]` is common in dependencies).
    let names_a_coroutine_gate = || {
        scan::COROUTINE_GATES
            .iter()
            .any(|gate| scan::contains_word(root_text, gate))
    };
    let active_cfgs = if root_text.contains("cfg_attr") && names_a_coroutine_gate() {
        active_cfgs(base, line)
    } else {
        None
    };
    if let Some(active) = &active_cfgs {
        features.extend(scan::cfg_attr_features(root_text, active));
    }
    Gates {
        features,
        active_cfgs,
    }
}

/// The gates of a crate root's `#![feature]` that the base compiler knows as stable since a
/// release, and nightly's warnings for them (the base compiler's, spans in the root).
#[derive(Default)]
struct StableGates {
    names: Vec<String>,
    warnings: Vec<serde_json::Value>,
}

/// The name rustc gives its standard input in diagnostics.
const STABLE_GATES_PROBE: &str = "<anon>";

/// Which of the root's gates (other than yieldc's) are stable: the base `rustc` compiles the
/// root's leading inner attributes alone (same bytes, so the spans of its diagnostics are the
/// root's), from standard input, for metadata written nowhere, and reports each such gate as
/// `stable_features` (it refuses the `#![feature]` itself, E0554, which is ignored). A first
/// run forces the lint to warn (the names, whatever the crate's levels); only when it names
/// some, a second run with the command line's lint options gives the warnings nightly shows.
/// Nightly accepts such a gate with that warning while stable would refuse the crate, so the
/// lowering removes them and the driver shows the warnings. When the crate makes the warning
/// an error, nothing is removed (the crate fails, as on nightly, with stable's E0554 besides).
/// No run for a root whose gates are all yieldc's.
fn stable_gates(
    base: &Path,
    line: &CommandLine,
    root_text: &str,
    features: &[String],
    edition: Edition,
) -> StableGates {
    let none = StableGates::default();
    if features
        .iter()
        .all(|gate| scan::COROUTINE_GATES.contains(&gate.as_str()))
        || std::env::var_os("RUSTC_BOOTSTRAP").is_some()
    {
        return none;
    }
    let Some(prelude_end) = lowering::inner_attributes_end(root_text) else {
        return none;
    };
    let Some(prelude) = root_text.get(..prelude_end) else {
        return none;
    };
    let rustc = base
        .parent()
        .map(|dir| dir.join(format!("rustc{}", std::env::consts::EXE_SUFFIX)))
        .filter(|path| path.is_file())
        .unwrap_or_else(|| base.to_path_buf());
    let mut args: Vec<String> = [
        "-",
        "--crate-type=lib",
        "--crate-name=yieldc_gates_probe",
        "--emit=metadata",
        "--error-format=json",
    ]
    .iter()
    .map(|arg| arg.to_string())
    .collect();
    args.push(format!("--edition={}", edition.as_flag()));
    // The probe's metadata (none while stable refuses `#![feature]`, but a base that accepts
    // it writes some) goes to a directory of its own, removed afterwards. Never `-o
    // /dev/null`: a successful `rustc --emit=metadata -o /dev/null` run as root replaces the
    // device with a regular file (checked with stable 1.95). Without a writable temporary
    // directory, no probe.
    let scratch = std::env::temp_dir().join(format!("yieldc-gates-{}", std::process::id()));
    if std::fs::create_dir(&scratch).is_err() {
        return none;
    }
    let _remove_scratch = RemoveOnDrop(Some(scratch.clone()));
    args.push("--out-dir".to_string());
    args.push(scratch.display().to_string());
    let mut lint_args = Vec::new();
    let mut iter = line.args.iter();
    while let Some(arg) = iter.next() {
        let takes_value = matches!(
            arg.as_str(),
            "--cfg"
                | "--target"
                | "-A"
                | "-W"
                | "-D"
                | "-F"
                | "--cap-lints"
                | "--force-warn"
                | "--allow"
                | "--warn"
                | "--deny"
                | "--forbid"
        );
        let target = if arg == "--cfg"
            || arg == "--target"
            || arg.starts_with("--cfg=")
            || arg.starts_with("--target=")
        {
            &mut args
        } else {
            &mut lint_args
        };
        if takes_value {
            if let Some(value) = iter.next() {
                target.push(arg.clone());
                target.push(value.clone());
            }
        } else if arg.starts_with("--cfg=")
            || arg.starts_with("--target=")
            || ["-A", "-W", "-D", "-F"]
                .iter()
                .any(|flag| arg.starts_with(flag) && arg.len() > 2)
            || [
                "--cap-lints=",
                "--force-warn=",
                "--allow=",
                "--warn=",
                "--deny=",
                "--forbid=",
            ]
            .iter()
            .any(|flag| arg.starts_with(flag))
        {
            target.push(arg.clone());
        }
    }
    let probe = |extra: &[String]| -> Vec<serde_json::Value> {
        let child = Command::new(&rustc)
            .args(&args)
            .args(extra)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn();
        let Ok(mut child) = child else {
            return Vec::new();
        };
        if let Some(mut stdin) = child.stdin.take() {
            stdin.write_all(prelude.as_bytes()).ok();
        }
        let Ok(output) = child.wait_with_output() else {
            return Vec::new();
        };
        String::from_utf8_lossy(&output.stderr)
            .lines()
            .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
            .filter(|diagnostic| diagnostic["code"]["code"] == "stable_features")
            .collect()
    };
    let gate_of = |diagnostic: &serde_json::Value| -> Option<String> {
        let message = diagnostic["message"].as_str()?;
        let rest = message.strip_prefix("the feature `")?;
        Some(rest[..rest.find('`')?].to_string())
    };
    let forced = probe(&["--force-warn=stable-features".to_string()]);
    let names: Vec<String> = forced.iter().filter_map(gate_of).collect();
    if names.is_empty() {
        return none;
    }
    let warnings = probe(&lint_args);
    if warnings
        .iter()
        .any(|diagnostic| diagnostic["level"] != "warning")
    {
        return none;
    }
    StableGates { names, warnings }
}

/// The configuration this compilation runs with: the base `rustc`'s `--print cfg` for the
/// command line's `--target`, `--cfg` and `-C` options (and `test` under `--test`). `None`
/// if it cannot be read (then `cfg_attr` gates are not seen, and rustc reports their uses).
fn active_cfgs(base: &Path, line: &CommandLine) -> Option<Vec<String>> {
    let rustc = base
        .parent()
        .map(|dir| dir.join(format!("rustc{}", std::env::consts::EXE_SUFFIX)))
        .filter(|path| path.is_file())
        .unwrap_or_else(|| base.to_path_buf());
    let mut args = vec!["--print".to_string(), "cfg".to_string()];
    let mut is_test = false;
    let mut iter = line.args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--target" | "--cfg" | "-C" | "--codegen" => {
                if let Some(value) = iter.next() {
                    args.push(arg.clone());
                    args.push(value.clone());
                }
            }
            "--test" => is_test = true,
            _ if arg.starts_with("--target=")
                || arg.starts_with("--cfg=")
                || arg.starts_with("--codegen=")
                || (arg.starts_with("-C") && arg.len() > 2) =>
            {
                args.push(arg.clone());
            }
            _ => {}
        }
    }
    let output = Command::new(&rustc).args(&args).output().ok()?;
    if !output.status.success() {
        return None;
    }
    let mut cfgs: Vec<String> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(str::to_owned)
        .collect();
    if is_test {
        cfgs.push("test".to_string());
    }
    Some(cfgs)
}

#[allow(clippy::too_many_arguments)]
fn compile_shadowed(
    tool: Tool,
    base: &Path,
    line: CommandLine,
    cwd: &Path,
    input: &str,
    root: &Path,
    root_text: &str,
    package_dir: &Path,
    gates: &Gates,
    fn_once: &FnOnceClosures,
    use_saved: bool,
    may_compile_again: bool,
) -> Result<Compiled, String> {
    // Where the shadow lives: `<target dir>/yieldc/shadow/<crate><extra-filename>`.
    let crate_name = line.crate_name.clone().unwrap_or_else(|| {
        root.file_stem()
            .map(|stem| stem.to_string_lossy().replace('-', "_"))
            .unwrap_or_default()
    });
    let key = format!(
        "{crate_name}{}{}",
        line.extra_filename.as_deref().unwrap_or(""),
        if tool == Tool::Rustdoc { "-doc" } else { "" }
    );
    let out_dir = line.out_dir.as_ref().map(|dir| cwd.join(dir)).or_else(|| {
        line.output
            .as_ref()
            .and_then(|output| cwd.join(output).parent().map(Path::to_path_buf))
    });
    let target_dir = out_dir.as_deref().and_then(find_target_dir);
    // Without a target directory the shadow is private to this run: made (see
    // `private_temporary_dir`) only once it is known to be needed.
    let (mut shadow_dir, temporary) = match (&target_dir, &out_dir) {
        (Some(target_dir), _) => (target_dir.join("yieldc/shadow").join(&key), false),
        _ => (PathBuf::new(), true),
    };
    let edition = line
        .edition
        .as_deref()
        .and_then(Edition::from_flag)
        .unwrap_or_default();
    let crate_features = gates.features.clone();
    if std::env::var_os(TEST_ICE_VARIABLE).is_some_and(|value| value == "1") {
        panic!("{TEST_ICE_VARIABLE}=1 asks the driver to panic (a test of the ICE report)");
    }
    // Only the files of the crate's module tree are lowered (and only their diagnostics shown).
    // Relative paths may reach above the package (`#[path = "../../shared/m.rs"]`,
    // `include_str!("../../README.md")` in a workspace member): the shadow then mirrors the
    // ancestor they reach, with the package at the same relative place inside it.
    let mut module_files = modules::crate_module_files(root, root_text, package_dir, edition);
    let levels = modules::parent_levels_needed(&module_files, package_dir);
    let mirror_base = package_dir
        .ancestors()
        .take(levels + 1)
        .last()
        .unwrap_or(package_dir)
        .to_path_buf();
    if mirror_base != package_dir {
        module_files = modules::crate_module_files(root, root_text, &mirror_base, edition);
    }
    let stable = if tool == Tool::Rustdoc {
        StableGates::default()
    } else {
        stable_gates(base, &line, root_text, &crate_features, edition)
    };
    // The `iter!` closures known to be `FnOnce`: learned in this run, or saved by the last build
    // (a shadow in a target directory only).
    let saved_fn_once = if use_saved && !temporary && tool != Tool::Rustdoc {
        crate::fn_once::read(&crate::fn_once::saved_path(&shadow_dir), &module_files)
    } else {
        FnOnceClosures::new()
    };
    let mut fn_once = fn_once.clone();
    let mut took_saved = false;
    for (path, offsets) in &saved_fn_once {
        let known = fn_once.entry(path.clone()).or_default();
        for offset in offsets {
            if !known.contains(offset) {
                known.push(*offset);
                took_saved = true;
            }
        }
    }
    let mut lowered_files = shadow::LoweredFiles::new();
    let included = modules::included_files(&module_files);
    for (path, text) in module_files.iter().cloned() {
        let request = LowerRequest {
            edition,
            is_crate_root: path == root,
            crate_features: crate_features.clone(),
            active_cfgs: gates.active_cfgs.clone(),
            stable_gates: if path == root {
                stable.names.clone()
            } else {
                Vec::new()
            },
            is_included: included.contains(&path),
            fn_once_closures: fn_once.get(&path).cloned().unwrap_or_default(),
        };
        let lowered = lowering::lower_file(&text, &request);
        if !lowered.is_identity(&text) {
            lowered_files.insert(path, (text, lowered));
        }
    }
    // Generated code a build script wrote to `OUT_DIR` and the crate `include!`s: lowered into
    // a mirror of `OUT_DIR`, which the base tool then gets as its `OUT_DIR`.
    let out_dir = std::env::var_os("OUT_DIR").map(PathBuf::from);
    let mut out_dir_lowered = shadow::LoweredFiles::new();
    if let Some(out_dir) = &out_dir {
        for (path, text) in modules::out_dir_includes(&module_files, out_dir) {
            let request = LowerRequest {
                edition,
                is_crate_root: false,
                crate_features: crate_features.clone(),
                active_cfgs: gates.active_cfgs.clone(),
                stable_gates: Vec::new(),
                is_included: true,
                fn_once_closures: fn_once.get(&path).cloned().unwrap_or_default(),
            };
            let lowered = lowering::lower_file(&text, &request);
            if !lowered.is_identity(&text) {
                out_dir_lowered.insert(path.clone(), (text.clone(), lowered.clone()));
                lowered_files.insert(path, (text, lowered));
            }
        }
    }
    let feature_markers = if tool == Tool::Rustdoc {
        Vec::new()
    } else {
        add_unused_feature_markers(
            root,
            &mut lowered_files,
            edition,
            &crate_features,
            gates,
            &line.args,
        )
    };
    // `rustdoc --test` compiles the code blocks of doc comments itself: lower those too (only
    // then: `cargo doc` must show the documentation as written).
    if tool == Tool::Rustdoc && line.args.iter().any(|arg| arg == "--test") {
        for (path, text) in module_files.iter().cloned() {
            let current = lowered_files
                .get(&path)
                .map(|(_, lowered)| lowered.text.clone())
                .unwrap_or_else(|| text.clone());
            if let Some(with_doctests) = lowering::lower_doctests(&current, edition) {
                let entry = lowered_files
                    .entry(path)
                    .or_insert_with(|| (text.clone(), lowering::identity(&text)));
                entry.1.text = with_doctests;
            }
        }
    }
    // (A crate with `#![feature]` still goes through the remapper, which drops stable's E0554
    // next to an unknown gate's E0635: see `run`.)
    let feature_errors_to_rewrite =
        !crate_features.is_empty() && std::env::var_os("RUSTC_BOOTSTRAP").is_none();
    if lowered_files.is_empty() && !feature_errors_to_rewrite {
        // The scan's hint was wrong (`yield` in a comment, `r#yield`): the crate is compiled
        // exactly as written, with no shadow.
        return pass_through_unlowered(base, line).map(Compiled::Status);
    }
    // A shadow outside a target directory is private to this run, and removed at its end
    // whatever happens (errors, an ICE).
    if temporary {
        shadow_dir = private_temporary_dir(out_dir.as_deref().unwrap_or(cwd)).join(&key);
    }
    let _temporary_shadow =
        temporary.then(|| RemoveOnDrop(shadow_dir.parent().map(Path::to_path_buf)));
    let _lock = shadow::lock(&shadow_dir).map_err(|err| {
        format!(
            "cannot lock the shadow tree `{}`: {err}",
            shadow_dir.display()
        )
    })?;
    let mut skip = Vec::new();
    skip.extend(target_dir.clone());
    if let Some(dir) = std::env::var_os("CARGO_TARGET_DIR") {
        skip.push(cwd.join(dir));
    }
    let root_dir = root.parent().unwrap_or(package_dir);
    shadow::sync(&mirror_base, &shadow_dir, &skip, &lowered_files, root_dir).map_err(|err| {
        format!(
            "cannot write the shadow tree `{}`: {err}",
            shadow_dir.display()
        )
    })?;
    let out_dir_shadow = match &out_dir {
        Some(out_dir) if !out_dir_lowered.is_empty() => {
            let mut name = shadow_dir.as_os_str().to_owned();
            name.push(".out");
            let out_dir_shadow = PathBuf::from(name);
            shadow::sync(out_dir, &out_dir_shadow, &[], &out_dir_lowered, out_dir).map_err(
                |err| {
                    format!(
                        "cannot write the shadow tree `{}`: {err}",
                        out_dir_shadow.display()
                    )
                },
            )?;
            Some((out_dir.clone(), out_dir_shadow))
        }
        _ => None,
    };
    // The package's place in the shadow (the shadow itself unless it mirrors an ancestor).
    let package_shadow = match package_dir.strip_prefix(&mirror_base) {
        Ok(relative) if !relative.as_os_str().is_empty() => shadow_dir.join(relative),
        _ => shadow_dir.clone(),
    };

    let relative_root = root
        .strip_prefix(package_dir)
        .map_err(|_| "crate root outside its package".to_string())?;
    let relative_text = relative_root.to_string_lossy().into_owned();
    let prefix_as_given = match input.strip_suffix(relative_text.as_str()) {
        Some(prefix) => prefix.to_string(),
        None => format!("{}/", package_dir.display()),
    };
    let shadow_text = package_shadow.display().to_string();
    let shadow_root = package_shadow.join(relative_root);
    // The caller's `--remap-path-prefix` mappings apply to the package's paths as rustc would
    // see them; the shadow gets mappings that show its files the same way.
    let user_remaps = line.remap_path_prefixes();
    let shadow_remaps = shadow_remaps(&prefix_as_given, &user_remaps);
    let shown_prefix = shadow_remaps
        .iter()
        .rev()
        .find(|(inside, _)| inside.as_os_str().is_empty())
        .map(|(_, shown)| shown.clone())
        .unwrap_or_else(|| prefix_as_given.clone());

    let mode = if line.wants_json() {
        OutputMode::Json
    } else if line.error_format.as_deref() == Some("short") {
        OutputMode::Short
    } else {
        OutputMode::Human
    };
    let color = match mode {
        OutputMode::Json => line
            .json
            .iter()
            .any(|json| json.contains("diagnostic-rendered-ansi")),
        _ => match line.color.as_deref() {
            Some("always") => true,
            Some("never") => false,
            _ => std::io::stderr().is_terminal() && environment_allows_color(),
        },
    };
    let mut remapper = Remapper::new(&lowered_files, mode, color);
    remapper.short = mode == OutputMode::Short
        || mode == OutputMode::Json
            && line
                .json
                .iter()
                .any(|json| json.split(',').any(|kind| kind == "diagnostic-short"));
    remapper.force_redraw = std::env::var_os(TEST_FORCE_REDRAW_VARIABLE).is_some_and(|v| v == "1");
    remapper.feature_markers = feature_markers;
    remapper.crate_features = crate_features.clone();
    if let Some(width) = line.diagnostic_width {
        remapper.diagnostic_width = width;
    }
    remapper.cwd = cwd.to_path_buf();
    remapper.shadow_prefix = Some((format!("{shadow_text}/"), shown_prefix.clone()));
    remapper.package_dirs = shadow_remaps
        .iter()
        .map(|(inside, shown)| (PathBuf::from(shown), package_dir.join(inside)))
        .collect();

    // The front end's own diagnostics come first, like rustc's parse errors.
    let mut front_end_errors = 0;
    let mut own = Vec::new();
    let mut paths: Vec<&PathBuf> = lowered_files.keys().collect();
    paths.sort();
    for path in paths {
        let (text, lowered) = &lowered_files[path];
        let shown = display_name(path, package_dir, &prefix_as_given, &user_remaps);
        for diagnostic in &lowered.diagnostics {
            front_end_errors += usize::from(diagnostic.is_error);
            own.push(remapper.own_diagnostic(&shown, text, diagnostic));
        }
    }
    // While the compilation may be redone (a crate with `iter!`), what it shows is held.
    let probing = may_compile_again
        && tool != Tool::Rustdoc
        && lowered_files.values().any(|(_, lowered)| {
            lowered
                .segments
                .iter()
                .any(|segment| segment.generated == Some(GeneratedKind::IterMacro))
        });
    let mut stderr = if probing {
        Sink::Held(Vec::new())
    } else {
        Sink::Direct(std::io::stderr().lock())
    };
    let mut fn_once_needed = Vec::new();
    let mut saved_may_be_stale = false;
    for diagnostic in &own {
        emit(&mut stderr, mode, diagnostic);
    }
    if front_end_errors > 0 {
        for diagnostic in remapper.summary().unwrap_or_default() {
            emit(&mut stderr, mode, &diagnostic);
        }
        return Ok(Compiled::Status(1));
    }

    // Nightly's warnings for gates that are stable (their names were removed from the root).
    if let Some(shown_root) = lowered_files
        .get(root)
        .map(|_| display_name(root, package_dir, &prefix_as_given, &user_remaps))
    {
        for diagnostic in &stable.warnings {
            let diagnostic =
                remapper.replayed_diagnostic(diagnostic.clone(), STABLE_GATES_PROBE, &shown_root);
            emit(&mut stderr, mode, &diagnostic);
        }
    }

    if tool == Tool::Rustdoc {
        drop(stderr);
        let status = run_rustdoc_on_shadow(
            base,
            &line,
            &shadow_root,
            &format!("{shadow_text}/"),
            &prefix_as_given,
            out_dir_shadow.as_ref(),
        )?;
        let documenting = !line.args.iter().any(|arg| arg == "--test");
        if status == 0 && documenting {
            let doc_dir = rustdoc_out_dir(&line.args).unwrap_or_else(|| "doc".into());
            doc_pages::restore_source_pages(
                &cwd.join(doc_dir),
                &crate_name,
                root.parent().unwrap_or(package_dir),
                lowered_files
                    .iter()
                    .map(|(path, (text, _))| (path.as_path(), text.as_str())),
            );
        }
        return Ok(Compiled::Status(status));
    }
    let mut args: Vec<String> = Vec::with_capacity(line.args.len() + 8);
    let mut skip_next = false;
    for (index, arg) in line.args.iter().enumerate() {
        if skip_next {
            skip_next = false;
            continue;
        }
        if Some(index) == line.input_index {
            args.push(shadow_root.display().to_string());
            continue;
        }
        // Outside JSON mode the base rustc gets `--json=…` from us, which it refuses next to
        // `--color`; the color choice is ours (`color` above), so the flag stays here.
        if mode != OutputMode::Json
            && (arg == "--error-format" || arg == "--json" || arg == "--color")
        {
            skip_next = true;
            continue;
        }
        if mode != OutputMode::Json
            && (arg.starts_with("--error-format=")
                || arg.starts_with("--json=")
                || arg.starts_with("--color="))
        {
            continue;
        }
        args.push(arg.clone());
    }
    if mode != OutputMode::Json {
        args.push("--error-format=json".to_string());
        let mut json = Vec::new();
        if color {
            json.push("diagnostic-rendered-ansi");
        }
        if mode == OutputMode::Short {
            json.push("diagnostic-short");
        }
        if !json.is_empty() {
            args.push(format!("--json={}", json.join(",")));
        }
    }
    for (inside, shown) in &shadow_remaps {
        args.push(format!(
            "--remap-path-prefix={}={shown}",
            if inside.as_os_str().is_empty() {
                format!("{shadow_text}/")
            } else {
                package_shadow.join(inside).display().to_string()
            }
        ));
    }
    // Nightly mangles symbols with v0 by default (stable: legacy), which is what a backtrace
    // shows: `main::{closure#0}`, `<fn() as FnOnce<()>>::call_once`, `SliceIndex<[u8]>` where
    // legacy reads `main::{{closure}}`, `FnOnce::call_once`, `SliceIndex<[T]>`. Stable takes
    // `-C symbol-mangling-version=v0`; a choice on the command line is kept.
    if !sets_codegen_option(&line.args, "symbol-mangling-version") {
        args.push("-Csymbol-mangling-version=v0".to_string());
    }
    if !line.has_yieldc_rt_extern {
        if let Some(rlib) = runtime_rlib(line.target.as_deref())? {
            args.push("--extern".to_string());
            args.push(format!("yieldc_rt={}", rlib.display()));
            if let Some(dir) = rlib.parent() {
                args.push("-L".to_string());
                args.push(format!("dependency={}", dir.display()));
            }
        }
    }

    let mut command = Command::new(base);
    if let Some((out_dir, out_dir_shadow)) = &out_dir_shadow {
        let shown = args::remap_path(&user_remaps, out_dir).unwrap_or_else(|| out_dir.clone());
        args.push(format!(
            "--remap-path-prefix={}/={}/",
            out_dir_shadow.display(),
            shown.display()
        ));
        command.env("OUT_DIR", out_dir_shadow);
    }
    let mut child = command
        .args(&args)
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|err| spawn_error(base, err))?;
    let child_stderr = child.stderr.take().expect("stderr is piped");
    let mut summaries = Vec::new();
    for text_line in BufReader::new(child_stderr).lines() {
        let Ok(text_line) = text_line else { break };
        if std::env::var_os("YIELDC_DEBUG_DIAGNOSTICS").is_some() {
            eprintln!("yieldc-debug: {text_line}");
        }
        let parsed: Option<serde_json::Value> = text_line
            .starts_with('{')
            .then(|| serde_json::from_str(&text_line).ok())
            .flatten();
        let Some(value) = parsed else {
            let shown = text_line.replace(&format!("{shadow_text}/"), &shown_prefix);
            writeln!(stderr, "{shown}").ok();
            continue;
        };
        if value["$message_type"] != "diagnostic" {
            // Artifact notifications and the like: rustc's line, its bytes kept, with the
            // shadow's path replaced (as JSON string contents on both sides).
            // Not held while the compilation may be redone: rustc writes metadata only after
            // borrow checking, so a compilation that notifies an artifact is not redone, and
            // cargo starts the crate's dependents as soon as the metadata is there.
            if mode == OutputMode::Json {
                let shown = text_line.replace(
                    &json_string_contents(&format!("{shadow_text}/")),
                    &json_string_contents(&shown_prefix),
                );
                match &mut stderr {
                    Sink::Held(_) => writeln!(std::io::stderr(), "{shown}").ok(),
                    Sink::Direct(direct) => writeln!(direct, "{shown}").ok(),
                };
            }
            continue;
        }
        if crate::diagnostics::is_summary_line(&value) {
            summaries.push(value);
            continue;
        }
        // An error about a closure that only implements `FnOnce` (a second call, E0382, or
        // a closure passed where `Fn`/`FnMut` is expected, E0525) may come from a closure
        // saved by the last build that is `FnOnce` no longer (see `Compiled::Fresh`).
        saved_may_be_stale |= took_saved
            && value["level"] == "error"
            && value.to_string().contains("implements `FnOnce`");
        if probing {
            let closures = remapper
                .iter_closures_escaping_fn_mut(&value)
                .into_iter()
                .chain(remapper.iter_closures_moving_a_capture(&value));
            for closure in closures {
                let known = fn_once
                    .get(&closure.0)
                    .is_some_and(|offsets| offsets.contains(&closure.1));
                if !known && !fn_once_needed.contains(&closure) {
                    fn_once_needed.push(closure);
                }
            }
        }
        for rewritten in remapper.rewrite(value) {
            emit(&mut stderr, mode, &rewritten);
        }
    }
    if let Some(held) = remapper.release_held() {
        emit(&mut stderr, mode, &held);
    }
    if let Some(held) = remapper.release_held_escaping_yield() {
        emit(&mut stderr, mode, &held);
    }
    let status = child
        .wait()
        .map_err(|err| format!("waiting for {}: {err}", base.display()))?;
    if !status.success() && !fn_once_needed.is_empty() {
        stderr.discard();
        return Ok(Compiled::Again(fn_once_needed));
    }
    if !status.success() && saved_may_be_stale && probing {
        stderr.discard();
        return Ok(Compiled::Fresh);
    }
    if !temporary && tool != Tool::Rustdoc {
        crate::fn_once::write(
            &crate::fn_once::saved_path(&shadow_dir),
            &fn_once,
            &module_files,
        );
    }
    for diagnostic in remapper.release_unused_features() {
        emit(&mut stderr, mode, &diagnostic);
    }
    if !status.success() {
        if let Some(failure) = remapper.internal_failure() {
            emit(&mut stderr, mode, &failure);
        }
    }
    let summaries = remapper.summary().unwrap_or(summaries);
    for diagnostic in &summaries {
        emit(&mut stderr, mode, diagnostic);
    }
    drop(stderr);
    if let Some(dep_info) = line.dep_info_path() {
        let dep_info = cwd.join(dep_info);
        depinfo::rewrite(&dep_info, &format!("{shadow_text}/"), &prefix_as_given)
            .map_err(|err| format!("cannot rewrite dep-info `{}`: {err}", dep_info.display()))?;
        if let Some((out_dir, out_dir_shadow)) = &out_dir_shadow {
            depinfo::rewrite(
                &dep_info,
                &format!("{}/", out_dir_shadow.display()),
                &format!("{}/", out_dir.display()),
            )
            .map_err(|err| format!("cannot rewrite dep-info `{}`: {err}", dep_info.display()))?;
        }
        let force_boxed = std::env::var("YIELDC_FORCE_BOXED").ok();
        depinfo::add_env_dependency(&dep_info, "YIELDC_FORCE_BOXED", force_boxed.as_deref())
            .map_err(|err| format!("cannot write dep-info `{}`: {err}", dep_info.display()))?;
    }
    Ok(Compiled::Status(status.code().unwrap_or(101)))
}

/// rustdoc on a shadow: rustdoc has no stable `--remap-path-prefix`, so the shadow prefix is
/// replaced in everything it prints (doctest names, diagnostics).
// FIXME(driver): diagnostics of rustdoc are not remapped span by span (columns inside lowered
// lines may be off), and code blocks in doc comments are not lowered yet.
fn run_rustdoc_on_shadow(
    base: &Path,
    line: &CommandLine,
    shadow_root: &Path,
    shadow_prefix: &str,
    original_prefix: &str,
    out_dir_shadow: Option<&(PathBuf, PathBuf)>,
) -> Result<i32, String> {
    let mut args = line.args.clone();
    if let Some(index) = line.input_index {
        args[index] = shadow_root.display().to_string();
    }
    if let Some(rlib) = runtime_rlib(line.target.as_deref())? {
        if !line.has_yieldc_rt_extern {
            args.push("--extern".to_string());
            args.push(format!("yieldc_rt={}", rlib.display()));
        }
        if let Some(dir) = rlib.parent() {
            args.push("-L".to_string());
            args.push(format!("dependency={}", dir.display()));
        }
    }
    let mut command = Command::new(base);
    if let Some((_, out_dir_shadow)) = out_dir_shadow {
        command.env("OUT_DIR", out_dir_shadow);
    }
    let mut child = command
        .args(&args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|err| spawn_error(base, err))?;
    let child_stdout = child.stdout.take().expect("stdout is piped");
    let child_stderr = child.stderr.take().expect("stderr is piped");
    let unshadow = ShadowNames::new(shadow_prefix, original_prefix);
    let unshadow_copy = unshadow.clone();
    let stdout_thread = std::thread::spawn(move || {
        let mut stdout = std::io::stdout();
        for text_line in BufReader::new(child_stdout).lines().map_while(Result::ok) {
            writeln!(stdout, "{}", unshadow_copy.apply(&text_line)).ok();
        }
    });
    let mut stderr = std::io::stderr();
    for text_line in BufReader::new(child_stderr).lines().map_while(Result::ok) {
        writeln!(stderr, "{}", unshadow.apply(&text_line)).ok();
    }
    stdout_thread.join().ok();
    let status = child
        .wait()
        .map_err(|err| format!("waiting for {}: {err}", base.display()))?;
    Ok(status.code().unwrap_or(101))
}

/// The shadow's prefix → the prefix as the caller wrote it, in rustdoc's output: in paths, and
/// in the doctests' function names, which rustdoc makes from the file's path with every
/// character but letters and digits turned into `_` (`_doctest_main_src_lib_rs_6_0`; a failing
/// doctest's backtrace shows it).
#[derive(Clone)]
struct ShadowNames {
    paths: (String, String),
    doctest_names: (String, String),
}

impl ShadowNames {
    const DOCTEST_MAIN: &'static str = "_doctest_main_";

    fn new(shadow_prefix: &str, original_prefix: &str) -> Self {
        let mangle = |prefix: &str| -> String {
            let name: String = prefix
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                .collect();
            format!("{}{name}", Self::DOCTEST_MAIN)
        };
        ShadowNames {
            paths: (shadow_prefix.to_string(), original_prefix.to_string()),
            doctest_names: (mangle(shadow_prefix), mangle(original_prefix)),
        }
    }

    fn apply(&self, text: &str) -> String {
        let text = text.replace(&self.paths.0, &self.paths.1);
        if text.contains(Self::DOCTEST_MAIN) {
            text.replace(&self.doctest_names.0, &self.doctest_names.1)
        } else {
            text
        }
    }
}

/// A new directory private to this run, for the shadow of a crate compiled without a target
/// directory: `yieldc-PID` in the system's temporary directory, or beside the outputs
/// (`output_dir`) when that one does not exist or cannot be written (`TMPDIR` may name such a
/// directory: rustc does without it, its temporaries go beside its outputs, and the driver
/// must not create it). The caller removes it ([`RemoveOnDrop`]).
fn private_temporary_dir(output_dir: &Path) -> PathBuf {
    let name = format!("yieldc-{}", std::process::id());
    let system = std::env::temp_dir();
    let candidates = [
        Some(system.clone()).filter(|dir| dir.is_dir()),
        Some(output_dir.to_path_buf()),
    ];
    for dir in candidates.into_iter().flatten() {
        let private = dir.join(&name);
        if std::fs::create_dir(&private).is_ok() || private.is_dir() {
            return private;
        }
    }
    system.join(name) // not writable either: the lock reports it
}

/// rustc's `--color=auto` on a terminal (anstream's choice): `NO_COLOR` (non-empty) turns
/// color off, then `CLICOLOR_FORCE` (not `0`) on, then `CLICOLOR=0` off; otherwise a `TERM`
/// other than `dumb`, `CLICOLOR` set to anything but `0`, or `CI` turns it on.
fn environment_allows_color() -> bool {
    environment_allows_color_in(|name| std::env::var_os(name))
}

fn environment_allows_color_in(var: impl Fn(&str) -> Option<OsString>) -> bool {
    if var("NO_COLOR").is_some_and(|value| !value.is_empty()) {
        return false;
    }
    if var("CLICOLOR_FORCE").is_some_and(|value| value != "0") {
        return true;
    }
    let clicolor = var("CLICOLOR").map(|value| value != "0");
    if clicolor == Some(false) {
        return false;
    }
    var("TERM").is_some_and(|term| term != "dumb") || clicolor == Some(true) || var("CI").is_some()
}

/// Removes a directory when dropped (also while a panic unwinds).
struct RemoveOnDrop(Option<PathBuf>);

impl Drop for RemoveOnDrop {
    fn drop(&mut self) {
        if let Some(dir) = &self.0 {
            std::fs::remove_dir_all(dir).ok();
        }
    }
}

fn emit(out: &mut impl Write, mode: OutputMode, diagnostic: &serde_json::Value) {
    match mode {
        OutputMode::Json => {
            let diagnostic = crate::diagnostics::without_internal_keys(diagnostic);
            writeln!(out, "{}", crate::diagnostics::to_rustc_json(&diagnostic)).ok();
        }
        _ => {
            if let Some(rendered) = diagnostic["rendered"].as_str() {
                write!(out, "{rendered}").ok();
            }
        }
    }
}

/// `text` as it reads inside a JSON string (escaped, without the quotes).
fn json_string_contents(text: &str) -> String {
    let quoted = serde_json::Value::String(text.to_string()).to_string();
    quoted[1..quoted.len() - 1].to_string()
}

/// How rustc names the file at `path`: through the package as the caller spelled it, under
/// the caller's `--remap-path-prefix` mappings.
fn display_name(
    path: &Path,
    package_dir: &Path,
    prefix_as_given: &str,
    user_remaps: &[(PathBuf, PathBuf)],
) -> String {
    let spelled = match path.strip_prefix(package_dir) {
        Ok(relative) => format!("{prefix_as_given}{}", relative.display()),
        Err(_) => path.display().to_string(),
    };
    match args::remap_path(user_remaps, Path::new(&spelled)) {
        Some(remapped) => remapped.display().to_string(),
        None => spelled,
    }
}

/// The `--remap-path-prefix` mappings that show the shadow's files as rustc would show the
/// package's under the caller's own mappings (rustc applies the last mapping that matches a
/// path, so these come after the caller's): first the package as the caller spelled it
/// (`prefix_as_given`), then, in the caller's order, each caller's mapping of the package or
/// of a directory above it (its `TO` and the rest of the package's path) and each of a
/// directory inside the package. Pairs of (directory inside the package, empty for the
/// package itself; what rustc shows for it, ending in `/` unless empty).
fn shadow_remaps(
    prefix_as_given: &str,
    user_remaps: &[(PathBuf, PathBuf)],
) -> Vec<(PathBuf, String)> {
    let with_slash = |shown: PathBuf| {
        let shown = shown.display().to_string();
        if shown.is_empty() || shown.ends_with('/') {
            shown
        } else {
            format!("{shown}/")
        }
    };
    let package = Path::new(prefix_as_given);
    let mut remaps = vec![(PathBuf::new(), prefix_as_given.to_string())];
    for (from, to) in user_remaps {
        if let Ok(rest) = package.strip_prefix(from) {
            remaps.push((PathBuf::new(), with_slash(to.join(rest))));
        } else if let Ok(inside) = from.strip_prefix(package) {
            if !inside.has_root() && !inside.as_os_str().is_empty() {
                remaps.push((inside.to_path_buf(), to.display().to_string()));
            }
        }
    }
    remaps
}

/// Nightly's `unused_features` lint ("feature `X` is declared but not used"), which stable
/// rustc does not have, for the gates the lowering removed: one import per unused gate at the
/// end of the lowered root, `use ::yieldc_rt::__features::GATE as _;` (all in one
/// `#[allow(clippy::items_after_test_module)] const _: () = { .. };`), whose `unused_imports`
/// warning [`Remapper`] turns into nightly's. rustc then applies the lint levels (`unused`,
/// `warnings`, `--cap-lints`) as nightly does for `unused_features`. A crate that sets a level
/// for `unused_imports` alone (`#![allow(unused_imports)]`, `[lints.rust] unused_imports =
/// "allow"`) gets `#[warn(unused_imports)]` on that `const`, as nightly's
/// `unused_features` keeps its default level then (`warnings` and `--cap-lints` still apply);
/// one that also names `unused_features`, the `unused` group or forces a warning gets no
/// markers, as the two lints' levels would differ. Not for rustdoc. Before edition 2018 a `use`
/// path starts at the crate root: the markers name `yieldc_rt::..`, the `extern crate` the
/// lowering declares there (none without it). Returns the markers (see
/// [`crate::diagnostics::FeatureMarker`]).
fn add_unused_feature_markers(
    root: &Path,
    lowered_files: &mut shadow::LoweredFiles,
    edition: Edition,
    crate_features: &[String],
    gates: &Gates,
    args: &[String],
) -> Vec<crate::diagnostics::FeatureMarker> {
    let Some((root_text, root_lowered)) = lowered_files.get(root) else {
        return Vec::new();
    };
    let runtime_path = if edition >= Edition::E2018 {
        "::yieldc_rt"
    } else if root_lowered.text.contains("extern crate yieldc_rt;") {
        "yieldc_rt"
    } else {
        return Vec::new();
    };
    let named_by_args = lint_arguments(args);
    let forces_a_warning = args.iter().any(|arg| arg.starts_with("--force-warn"));
    let names = |lint: &str| {
        named_by_args.iter().any(|named| named == lint) || lint_attribute_names(root_text, &[lint])
    };
    if forces_a_warning || names("unused_features") || names("unused") && names("unused_imports") {
        return Vec::new();
    }
    let imports_have_their_own_level = names("unused_imports");
    let request = |is_crate_root: bool| LowerRequest {
        edition,
        is_crate_root,
        crate_features: crate_features.to_vec(),
        active_cfgs: gates.active_cfgs.clone(),
        stable_gates: Vec::new(),
        is_included: false,
        fn_once_closures: Vec::new(),
    };
    let others: Vec<(&str, LowerRequest)> = lowered_files
        .iter()
        .filter(|(path, _)| path.as_path() != root)
        .map(|(_, (text, _))| (text.as_str(), request(false)))
        .collect();
    // A gate the lowering kept (`stmt_expr_attributes` when another attribute needs it) is
    // stable rustc's business.
    let removed = |span: &std::ops::Range<usize>| {
        !root_lowered.segments.iter().any(|segment| {
            segment.generated.is_none()
                && segment.original.start <= span.start
                && span.end <= segment.original.end
        })
    };
    let test = args.iter().any(|arg| arg == "--test")
        || args
            .windows(2)
            .any(|pair| pair[0] == "--cfg" && pair[1].trim() == "test")
        || args.iter().any(|arg| arg == "--cfg=test");
    let unused: Vec<_> = lowering::unused_features(root_text, &request(true), &others, test)
        .into_iter()
        .filter(|(_, span)| removed(span))
        .collect();
    if unused.is_empty() {
        return Vec::new();
    }
    let Some((_, root_lowered)) = lowered_files.get_mut(root) else {
        return Vec::new();
    };
    let text = &mut root_lowered.text;
    // On a line of their own after the last one (a `//` comment there ends at its newline).
    if !text.ends_with('\n') {
        text.push('\n');
    }
    // In one item, after a `#[cfg(test)] mod tests` that may end the root: clippy's
    // `items_after_test_module` would fire at the user's module (nightly has no such items),
    // and an `allow` on a `use` is clippy's `useless_attribute`.
    text.push_str("#[allow(clippy::items_after_test_module)] ");
    let mut markers = Vec::new();
    let mut level_attribute = None;
    if imports_have_their_own_level {
        let start = text.len() + "#[warn(".len();
        text.push_str("#[warn(unused_imports)] ");
        level_attribute = Some(start..start + "unused_imports".len());
    }
    text.push_str("const _: () = { ");
    for (gate, original) in unused {
        let start = text.len();
        text.push_str(&format!("use {runtime_path}::__features::{gate} as _; "));
        markers.push(crate::diagnostics::FeatureMarker {
            lowered: start..text.len(),
            gate,
            original,
            level_attribute: level_attribute.clone(),
        });
    }
    text.push_str("};");
    markers
}

/// Whether `args` set the codegen option `name` (`-C name=..`, `-Cname=..`, `--codegen ..`).
fn sets_codegen_option(args: &[String], name: &str) -> bool {
    let names = |value: &str| value.split('=').next() == Some(name);
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let value = match arg.as_str() {
            "-C" | "--codegen" => iter.next().map(String::as_str),
            _ => arg
                .strip_prefix("--codegen=")
                .or_else(|| arg.strip_prefix("-C")),
        };
        if value.is_some_and(names) {
            return true;
        }
    }
    false
}

/// The lints that `-A`/`-W`/`-D`/`-F` options of a rustc command line name (`--allow=x`,
/// `-Ax`, `-A x`, ..), with `-` read as `_`.
fn lint_arguments(args: &[String]) -> Vec<String> {
    let mut lints = Vec::new();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let value = match arg.as_str() {
            "-A" | "-W" | "-D" | "-F" | "--allow" | "--warn" | "--deny" | "--forbid" => {
                iter.next().cloned()
            }
            _ => [
                "--allow=",
                "--warn=",
                "--deny=",
                "--forbid=",
                "-A",
                "-W",
                "-D",
                "-F",
            ]
            .iter()
            .find_map(|prefix| arg.strip_prefix(prefix))
            .map(str::to_owned),
        };
        if let Some(value) = value {
            lints.extend(value.split(',').map(|lint| lint.trim().replace('-', "_")));
        }
    }
    lints
}

/// Whether an attribute of `text` (`#[allow(..)]`, `#![deny(..)]`, ..) names one of `lints`
/// (a mention in a comment or a string does not count).
fn lint_attribute_names(text: &str, lints: &[&str]) -> bool {
    lints.iter().any(|lint| {
        text.match_indices(lint).any(|(at, _)| {
            let is_word_byte = |byte: u8| byte.is_ascii_alphanumeric() || byte == b'_';
            let bytes = text.as_bytes();
            if at
                .checked_sub(1)
                .is_some_and(|before| is_word_byte(bytes[before]))
                || bytes
                    .get(at + lint.len())
                    .is_some_and(|after| is_word_byte(*after))
            {
                return false;
            }
            let before = &text[..at];
            let Some(open) = before.rfind('#') else {
                return false;
            };
            let attribute = before[open..].trim_start_matches(['#', '!']).trim_start();
            let Some(inside) = attribute.strip_prefix('[') else {
                return false;
            };
            !attribute.contains(']')
                && ["allow", "warn", "deny", "forbid", "expect", "cfg_attr"]
                    .iter()
                    .any(|level| inside.trim_start().starts_with(level))
        })
    })
}

/// Runs the base tool on a crate that needs no lowering. Such a crate may still depend on one
/// with coroutine syntax, whose metadata names `yieldc_rt`: rustc must be able to find it.
fn pass_through_unlowered(base: &Path, line: CommandLine) -> Result<i32, String> {
    let mut args = line.args;
    // (No runtime for the target: nothing to find, and no error for a crate without the syntax.)
    let rlib = runtime_rlib(line.target.as_deref()).ok().flatten();
    if let Some(dir) = rlib.as_deref().and_then(Path::parent) {
        args.push("-L".to_string());
        args.push(format!("dependency={}", dir.display()));
    }
    pass_through(base, &args)
}

/// Runs the base tool with `args` unchanged, replacing this process where possible.
fn pass_through(base: &Path, args: &[String]) -> Result<i32, String> {
    let mut command = Command::new(base);
    command.args(args);
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        let err = command.exec();
        Err(spawn_error(base, err))
    }
    #[cfg(not(unix))]
    {
        let status = command.status().map_err(|err| spawn_error(base, err))?;
        Ok(status.code().unwrap_or(101))
    }
}

fn spawn_error(base: &Path, err: std::io::Error) -> String {
    format!(
        "could not run the base compiler `{}`: {err}",
        base.display()
    )
}

/// Whether `arg` names a rustc binary (wrapper mode's argv[1]).
fn is_rustc_path(arg: &str) -> bool {
    if arg.starts_with('-') {
        return false;
    }
    let stem = Path::new(arg)
        .file_stem()
        .and_then(|stem| stem.to_str())
        .unwrap_or_default();
    matches!(stem, "rustc" | "yieldc-rustc" | "clippy-driver")
}

/// The crate root's absolute path with `.` and `..` removed lexically, as the module tree's
/// paths and the remapper's are (rustc names the file as given, `../dir/main.rs`, which must
/// find its lowering); resolved physically instead when a symlink before a `..` makes the two
/// name different files.
fn crate_root_path(cwd: &Path, input: &str) -> PathBuf {
    let joined = cwd.join(input);
    let lexical = modules::normalize(&joined);
    if lexical == joined {
        return joined;
    }
    match (
        std::fs::canonicalize(&joined),
        std::fs::canonicalize(&lexical),
    ) {
        (Ok(physical), Ok(lexical_physical)) if physical != lexical_physical => physical,
        (Ok(physical), Err(_)) => physical,
        _ => lexical,
    }
}

/// The package of the crate root: cargo's `CARGO_MANIFEST_DIR` when it contains the root, else
/// the root's directory (direct `rustc file.rs`).
fn package_dir(root: &Path) -> PathBuf {
    if let Some(manifest_dir) = std::env::var_os("CARGO_MANIFEST_DIR") {
        let manifest_dir = PathBuf::from(manifest_dir);
        if root.starts_with(&manifest_dir) {
            return manifest_dir;
        }
    }
    root.parent().map(Path::to_path_buf).unwrap_or_default()
}

/// The cargo target directory above `out_dir` (the one holding `CACHEDIR.TAG`).
fn find_target_dir(out_dir: &Path) -> Option<PathBuf> {
    out_dir
        .ancestors()
        .find(|dir| dir.join("CACHEDIR.TAG").is_file())
        .map(Path::to_path_buf)
}

/// `--yieldc-print-lowered FILE`: prints the lowering of one file.
fn print_lowered(file: &str, line: &CommandLine) -> Result<i32, String> {
    let text =
        std::fs::read_to_string(file).map_err(|err| format!("cannot read `{file}`: {err}"))?;
    let request = LowerRequest {
        edition: line
            .edition
            .as_deref()
            .and_then(Edition::from_flag)
            .unwrap_or(Edition::E2024),
        is_crate_root: true,
        crate_features: Vec::new(),
        active_cfgs: None,
        stable_gates: Vec::new(),
        is_included: false,
        fn_once_closures: Vec::new(),
    };
    let lowered = lowering::lower_file(&text, &request);
    let mut out = lowered.text.clone();
    let mut check_copies = lowered
        .segments
        .iter()
        .filter(|segment| segment.in_check_copy)
        .peekable();
    if check_copies.peek().is_some() {
        out.push_str("\n// --- check copies (never executed; borrow-checked only) ---\n");
        let mut previous_end = None;
        // Lines counted as the segments go (they are in order): one pass over the text.
        let (mut line, mut counted_to) = (1, 0);
        for segment in check_copies {
            if previous_end != Some(segment.lowered.start) {
                let start = segment.lowered.start.max(counted_to);
                line += lowered.text.as_bytes()[counted_to..start]
                    .iter()
                    .filter(|&&byte| byte == b'\n')
                    .count();
                counted_to = start;
                out.push_str(&format!("\n// line {line}: "));
            }
            out.push_str(&lowered.text[segment.lowered.clone()]);
            previous_end = Some(segment.lowered.end);
        }
        out.push('\n');
    }
    // A closed pipe (`| head`) ends the output, as for any filter; not an error.
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(out.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(err) if err.kind() != std::io::ErrorKind::BrokenPipe => {
            return Err(format!("cannot write the lowered source: {err}"));
        }
        _ => {}
    }
    if !lowering::FRONT_END_LINKED {
        eprintln!(
            "note: the front end is not linked into this build yet: the lowering is the identity"
        );
    }
    Ok(0)
}

/// Whether a doc comment of the crate's module tree has a Rust code block with coroutine syntax
/// (so that `rustdoc --test` needs the shadow even when the crate's code does not).
fn doctests_use_coroutine_syntax(
    root: &Path,
    root_text: &str,
    package_dir: &Path,
    edition: Edition,
) -> bool {
    modules::crate_module_files(root, root_text, package_dir, edition)
        .iter()
        .any(|(_, text)| lowering::lower_doctests(text, edition).is_some())
}

/// rustdoc's output directory (`-o DIR`, `--out-dir DIR`, `--out-dir=DIR`).
fn rustdoc_out_dir(args: &[String]) -> Option<PathBuf> {
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        if arg == "-o" || arg == "--out-dir" {
            return args.next().map(PathBuf::from);
        }
        if let Some(dir) = arg.strip_prefix("--out-dir=") {
            return Some(PathBuf::from(dir));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    #[test]
    fn rustdoc_output_names_the_original_paths_and_doctests() {
        let names = super::ShadowNames::new("/tmp/yieldc_25606_dt_doc/", "");
        assert_eq!(
            names.apply(
                "   4: rust_out::main::_doctest_main__tmp_yieldc_25606_dt_doc_src_lib_rs_6_0"
            ),
            "   4: rust_out::main::_doctest_main_src_lib_rs_6_0"
        );
        assert_eq!(
            names.apply("test /tmp/yieldc_25606_dt_doc/src/lib.rs - counts (line 6) ... ok"),
            "test src/lib.rs - counts (line 6) ... ok"
        );
        let names = super::ShadowNames::new("/tmp/yieldc_1_p/", "crates/p-2/");
        assert_eq!(
            names.apply("_doctest_main__tmp_yieldc_1_p_src_lib_rs_6_0"),
            "_doctest_main_crates_p_2_src_lib_rs_6_0"
        );
        // Not a doctest's name: left alone.
        assert_eq!(names.apply("_tmp_yieldc_1_p_"), "_tmp_yieldc_1_p_");
    }

    #[test]
    fn colors_on_a_terminal_follow_the_environment_as_rustcs() {
        let allows = |vars: &[(&str, &str)]| {
            super::environment_allows_color_in(|name| {
                vars.iter()
                    .find(|(key, _)| *key == name)
                    .map(|(_, value)| value.into())
            })
        };
        assert!(allows(&[("TERM", "xterm")]));
        assert!(!allows(&[("TERM", "xterm"), ("NO_COLOR", "1")]));
        assert!(allows(&[("TERM", "xterm"), ("NO_COLOR", "")]));
        assert!(!allows(&[("TERM", "dumb")]));
        assert!(!allows(&[]));
        assert!(!allows(&[("TERM", "xterm"), ("CLICOLOR", "0")]));
        assert!(allows(&[("TERM", "dumb"), ("CLICOLOR", "1")]));
        assert!(allows(&[("TERM", "dumb"), ("CI", "true")]));
        assert!(allows(&[("CLICOLOR_FORCE", "1"), ("CLICOLOR", "0")]));
        assert!(!allows(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]));
    }

    #[test]
    fn codegen_options_in_every_spelling() {
        let sets = |line: &str| {
            let args: Vec<String> = line.split_whitespace().map(String::from).collect();
            super::sets_codegen_option(&args, "symbol-mangling-version")
        };
        assert!(sets("a.rs -C symbol-mangling-version=legacy"));
        assert!(sets("-Csymbol-mangling-version=v0 a.rs"));
        assert!(sets("--codegen=symbol-mangling-version=legacy a.rs"));
        assert!(sets("--codegen symbol-mangling-version=legacy a.rs"));
        assert!(!sets("-C opt-level=3 a.rs -Cdebuginfo=2"));
    }

    #[test]
    fn lint_attributes_naming_a_lint() {
        let names = |text: &str| super::lint_attribute_names(text, &["unused_imports"]);
        assert!(names("#![allow(unused_imports)]"));
        assert!(names("#![deny(dead_code, unused_imports)]\nfn f() {}"));
        assert!(names("#[warn(\n    unused_imports,\n)]\nuse a::b;"));
        assert!(names("#![cfg_attr(test, allow(unused_imports))]"));
        assert!(!names("// unused_imports is off\nfn f() {}"));
        assert!(!names("#![allow(dead_code)] // not unused_imports"));
        assert!(!names(
            "#[derive(Debug)] struct S; const T: &str = \"unused_imports\";"
        ));
    }
}
