//! `yieldc_driver`: the programs installed as the yieldc toolchain's `rustc`, `rustdoc` and
//! `clippy-driver`. All of yieldc's IO lives here.
//!
//! One compilation: read the command line ([`args`]); pass probes and crates without coroutine
//! syntax straight to the base tool ([`scan`]); otherwise mirror the package into a shadow tree
//! under the target directory with every coroutine-using file lowered ([`shadow`],
//! [`lowering`]), run the base tool on the shadow with `--remap-path-prefix`, bring its
//! diagnostics back to the original sources ([`diagnostics`]) and its dep-info back to the
//! original paths ([`depinfo`]).
//!
//! Bad input ends like rustc ends (exit 0, or exit 1 with an `error:`): files rustc's lexer
//! rejects are not lowered, so rustc reports them itself; a driver panic is an ICE report
//! (exit 101; `YIELDC_TEST_ICE=1` provokes one, see [`driver::TEST_ICE_VARIABLE`]);
//! `tests/faults.rs` has one test per case.
//!
//! Architecture invariants: the front end is called only from [`lowering`]; nothing the driver
//! prints names a shadow path or shows lowered text (except `--yieldc-print-lowered`); the
//! driver writes only under the target directory (or a private temporary directory when rustc
//! is used without one).

pub mod args;
pub mod depinfo;
pub mod diagnostics;
pub mod doc_pages;
pub mod driver;
pub mod fn_once;
pub mod lowering;
pub mod modules;
pub mod scan;
pub mod shadow;
pub mod source_text;

pub use driver::{main_for, Tool};
