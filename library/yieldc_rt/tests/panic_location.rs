//! The panic after a panic is reported at the generator's own source location (the
//! `__*_parts!()` invocation, which the lowering places at the `gen` keyword), like nightly's.
//! One test per file: it installs a process-wide panic hook.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use yieldc_rt::Coroutine;

#[test]
fn runtime_panics_point_at_the_generator() {
    let locations: Arc<Mutex<Vec<(String, u32, u32)>>> = Arc::default();
    let seen = locations.clone();
    std::panic::set_hook(Box::new(move |info| {
        let l = info.location().unwrap();
        seen.lock()
            .unwrap()
            .push((l.file().to_string(), l.line(), l.column()));
    }));

    let (k, __yieldc_co) = ::yieldc_rt::__gen_parts!();
    let mut g = ::yieldc_rt::Gen::new(k, async move {
        let __yieldc_co = __yieldc_co;
        __yieldc_co.yield_(()).await;
        panic!("first");
    });
    g.next();
    assert!(catch_unwind(AssertUnwindSafe(|| g.next())).is_err());
    assert!(catch_unwind(AssertUnwindSafe(|| g.next())).is_err());

    let (k, __yieldc_co) = ::yieldc_rt::__coroutine_parts!();
    let mut c = ::yieldc_rt::Coro::new(k, async move {
        let __yieldc_co = __yieldc_co;
        __yieldc_co.yield_(()).await;
    });
    let _ = Pin::new(&mut c).resume(());
    let _ = Pin::new(&mut c).resume(());
    assert!(catch_unwind(AssertUnwindSafe(|| Pin::new(&mut c).resume(()))).is_err());

    let _ = std::panic::take_hook();
    let locations = locations.lock().unwrap();
    let file = file!().to_string();
    // Where the macros are invoked in this very file (1-based line and column).
    let source = include_str!("panic_location.rs");
    let position_of = |needle: &str| {
        let (index, line) = source
            .lines()
            .enumerate()
            .find(|(_, l)| l.contains(needle) && l.contains("let (k"))
            .unwrap();
        (index as u32 + 1, line.find(needle).unwrap() as u32 + 1)
    };
    let (gen_line, gen_column) = position_of("::yieldc_rt::__gen_parts!()");
    let (coro_line, coro_column) = position_of("::yieldc_rt::__coroutine_parts!()");
    assert_eq!(locations.len(), 3, "{locations:?}");
    // The body's own panic is where it is written.
    assert_eq!(locations[0].1, gen_line + 4);
    // The runtime's panics are at the macro invocation: line and the column where it starts.
    assert_eq!(locations[1], (file.clone(), gen_line, gen_column));
    assert_eq!(locations[2], (file, coro_line, coro_column));
}
