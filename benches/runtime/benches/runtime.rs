//! `cargo bench` in this folder. One criterion group per workload, one function per variant;
//! see `design-notes/runtime-perf.md`. Short settings (2 s measurement, 20 samples) keep a full
//! run under ~2 minutes on a 2-core VM.

use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn bench(c: &mut Criterion) {
    let cases = yieldc_runtime_bench::cases();
    // Build the tree before anything is timed.
    yieldc_runtime_bench::d_tree::tree();
    let mut groups: Vec<&str> = cases.iter().map(|c| c.group).collect();
    groups.dedup();
    for group in groups {
        let mut g = c.benchmark_group(group);
        for case in cases.iter().filter(|c| c.group == group) {
            // Per item; for `c_create` (no items), per generator.
            g.throughput(Throughput::Elements(if case.items > 0 {
                case.items
            } else {
                case.gens
            }));
            let run = case.run;
            g.bench_function(case.variant, |b| b.iter(run));
        }
        g.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(20);
    targets = bench
}
criterion_main!(benches);
