//! The yieldc toolchain's `rustc` (installed as `bin/rustc` by `cargo x dist`).

fn main() {
    yieldc_driver::main_for(yieldc_driver::Tool::Rustc)
}
