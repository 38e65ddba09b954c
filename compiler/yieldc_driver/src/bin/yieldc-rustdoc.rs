//! The yieldc toolchain's `rustdoc` (installed as `bin/rustdoc` by `cargo x dist`).

fn main() {
    yieldc_driver::main_for(yieldc_driver::Tool::Rustdoc)
}
