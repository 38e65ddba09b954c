//! The UI suite: `ui_test` runs every `tests/ui/<group>/*.rs` through the assembled toolchain's
//! `rustc` (edition 2024 unless a case says `//@edition:`), checks `//~ ERROR` annotations and the
//! blessed `.stderr`, and for `//@run` cases the blessed `.run.stdout`/`.run.stderr`.
//! `cargo x bless` (`cargo test -p ui-tests --test ui -- --bless`) rewrites them.

mod support;

use std::num::NonZeroUsize;
use ui_test::{Config, Match};

fn main() -> ui_test::color_eyre::Result<()> {
    let toolchain = support::toolchain();
    // Cases are compiled by a path relative to `ui-tests/`, as nightly-diff does: a generator's
    // type name holds its file's path, and rustc shortens a long name and moves a long E0277
    // explanation out of its label, so absolute paths would make the expected output depend on
    // where the checkout is (the driver's `diagnostics_differ_from_nightlys_alike_at_any_path_length`
    // tests that yieldc follows nightly there).
    std::env::set_current_dir(support::workspace().join("ui-tests"))?;
    let mut config = Config::rustc("tests/ui");
    config.program.program = toolchain.join("bin/rustc");
    // The expected `.run.stderr` of a panicking case must not depend on the caller's
    // environment (nor hold backtraces, whose frames and paths change with the toolchain).
    // `//@run` keeps these variables for the built program.
    config
        .program
        .envs
        .push(("RUST_BACKTRACE".into(), Some("0".into())));
    config.out_dir = support::target_dir().join("ui-tests/ui");
    // Modest parallelism: the machine is shared.
    config.threads = NonZeroUsize::new(2);
    config.bless_command = Some("cargo x bless".to_string());
    let defaults = config.comment_defaults.base();
    defaults.set_custom(
        "edition",
        ui_test::custom_flags::edition::Edition("2024".into()),
    );
    defaults.set_custom(
        "rustfix",
        ui_test::custom_flags::rustfix::RustfixMode::Disabled,
    );
    let workspace = support::workspace().display().to_string();
    // `thread 'main' (12345) panicked`: the thread id changes from run to run; paths outside the
    // case (the runtime's, in today's known bugs) depend on the checkout's location.
    for filter in [
        &mut defaults.normalize_stderr,
        &mut defaults.normalize_stdout,
    ] {
        filter.push((
            Match::Exact(workspace.as_bytes().to_vec()),
            b"$WORKSPACE".to_vec(),
        ));
        // rustc writes long type names to a file with a hashed name under the output directory.
        filter.push((
            Match::Regex(regex::bytes::Regex::new(r"has been written to '[^']*'").unwrap()),
            b"has been written to 'LONG_TYPE_FILE'".to_vec(),
        ));
        // A note at a standard-library item (drawn as its location without the `rust-src`
        // component) names the compiler's commit and the item's line, which change with the
        // base toolchain; rustc's own UI tests write them the same way.
        filter.push((
            Match::Regex(
                regex::bytes::Regex::new(r"/rustc/[0-9a-f]{40}/library/([^:\s]*):\d+:\d+").unwrap(),
            ),
            b"$$SRC_DIR/$1:LL:COL".to_vec(),
        ));
        filter.push((
            Match::Regex(regex::bytes::Regex::new(r"thread '([^']*)' \(\d+\)").unwrap()),
            b"thread '$1' (TID)".to_vec(),
        ));
    }
    ui_test::run_tests(config)
}
