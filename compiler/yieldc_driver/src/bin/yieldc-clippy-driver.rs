//! The yieldc toolchain's `clippy-driver` (installed as `bin/clippy-driver` by `cargo x dist`).

fn main() {
    yieldc_driver::main_for(yieldc_driver::Tool::ClippyDriver)
}
