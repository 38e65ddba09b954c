//! The panic after a panic is reported at the generator's own source location (the
//! `__*_parts!()` invocation, which the lowering places at the `gen` keyword), like nightly's.
//! The tests install process-wide panic hooks, so they take `HOOK` to run one at a time.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use yieldc_rt::Coroutine;

static HOOK: Mutex<()> = Mutex::new(());

#[test]
fn runtime_panics_point_at_the_generator() {
    let _serial = HOOK.lock().unwrap_or_else(|e| e.into_inner());
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

/// The one-invocation macros the lowering emits: the panic is at the macro's first column.
#[test]
fn whole_generator_macros_report_at_their_own_column() {
    let _serial = HOOK.lock().unwrap_or_else(|e| e.into_inner());
    let g = ::yieldc_rt::__gen!(__yieldc_co, inline, async move {
        let __yieldc_co = __yieldc_co;
        __yieldc_co.yield_(1u8).await;
        panic!("first");
    });
    let source = include_str!("panic_location.rs");
    let (line, column) = source
        .lines()
        .enumerate()
        .find_map(|(i, l)| {
            l.find("::yieldc_rt::__gen!(")
                .map(|c| (i as u32 + 1, c as u32 + 1))
        })
        .unwrap();
    let mut g = g;
    assert_eq!(g.next(), Some(1));
    assert!(std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| g.next())).is_err());
    let location = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let seen: Arc<Mutex<Option<(u32, u32)>>> = Arc::default();
        let s = seen.clone();
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let l = info.location().unwrap();
            *s.lock().unwrap() = Some((l.line(), l.column()));
        }));
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| g.next()));
        std::panic::set_hook(previous);
        assert!(result.is_err());
        let location = *seen.lock().unwrap();
        location
    }))
    .unwrap();
    assert_eq!(location, Some((line, column)));
}
