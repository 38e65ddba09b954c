//! Allocations per run and per generator for every variant, with a counting global allocator.
//! Asserts that inline yieldc generators (`Gen`, `AsyncGen`) never allocate. Its own process
//! (`harness = false`), so no other thread allocates while a case runs.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

struct Counting;

static ALLOCS: AtomicU64 = AtomicU64::new(0);

// SAFETY: forwards to `System`, only counting.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Relaxed);
        // SAFETY: forwarded.
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Relaxed);
        // SAFETY: forwarded.
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCS.fetch_add(1, Relaxed);
        // SAFETY: forwarded.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn main() {
    let cases = yieldc_runtime_bench::cases();
    // Build the tree (and anything else lazily initialised) before counting.
    for case in &cases {
        (case.run)();
    }
    let (mut passed, mut failed) = (0, 0);
    println!(
        "{:<12} {:<22} {:>12} {:>10} {:>14}",
        "workload", "variant", "allocs/run", "gens/run", "allocs/gen"
    );
    for case in &cases {
        let before = ALLOCS.load(Relaxed);
        std::hint::black_box((case.run)());
        let allocs = ALLOCS.load(Relaxed) - before;
        println!(
            "{:<12} {:<22} {:>12} {:>10} {:>14.3}",
            case.group,
            case.variant,
            allocs,
            case.gens,
            allocs as f64 / case.gens as f64
        );
        // Inline generators must not allocate. (In d_tree each level is boxed *by the
        // workload*, `Box<dyn Iterator>`: one allocation per node, like the hand-written
        // `handwritten_boxed`; checked separately below.)
        let inline = matches!(
            case.variant,
            "yieldc_gen" | "yieldc_gen_loop" | "yieldc_async_gen"
        );
        if inline && case.group != "d_tree" {
            if allocs == 0 {
                passed += 1;
            } else {
                failed += 1;
                println!(
                    "FAIL: {}/{} allocated {allocs} times",
                    case.group, case.variant
                );
            }
        }
        if inline && case.group == "d_tree" {
            if allocs == yieldc_runtime_bench::d_tree::NODES {
                passed += 1;
            } else {
                failed += 1;
                println!("FAIL: d_tree/yieldc_gen allocated {allocs} times, not once per node");
            }
        }
    }
    println!("allocs: {passed} passed, {failed} failed");
    if failed > 0 {
        std::process::exit(1);
    }
}
