//! Lowering throughput: `cargo run --release -p yieldc_lower --example lower_bench`.
//! Measures (1) `lower` on the end-to-end programs (files that use the syntax), (2) the byte
//! scan that lets files without coroutine syntax through unparsed, (3) a bare
//! `ra_ap_syntax` parse of the same files, for scale. Numbers go to design-notes/frontend-perf.md.

use std::time::{Duration, Instant};

use yieldc_lower::{Edition, LowerOptions};

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs");
    let mut sources: Vec<String> = std::fs::read_dir(&dir)
        .expect("programs")
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "rs"))
        .filter_map(|path| std::fs::read_to_string(path).ok())
        .collect();
    sources.sort();
    let bytes: usize = sources.iter().map(String::len).sum();
    let options = LowerOptions {
        edition: Edition::E2024,
        is_crate_root: true,
        ..Default::default()
    };

    let lowering = measure(|| {
        for source in &sources {
            std::hint::black_box(yieldc_lower::lower(source, &options));
        }
    });
    report("lower (files using the syntax)", bytes, lowering);

    let parsing = measure(|| {
        for source in &sources {
            std::hint::black_box(yieldc_syntax::ra_ap_syntax::SourceFile::parse(
                source,
                yieldc_syntax::ra_ap_syntax::Edition::Edition2024,
            ));
        }
    });
    report("ra_ap_syntax parse only", bytes, parsing);

    // A plain file: the same programs with every coroutine keyword renamed away.
    let plain: Vec<String> = sources
        .iter()
        .map(|source| {
            source
                .replace("yield", "yeld")
                .replace("gen", "gn")
                .replace("await", "awt")
                .replace("oroutine", "orout")
                .replace("async_iter", "asy_it")
                .replace("iter!", "itr!")
                .replace("feature", "feat")
        })
        .collect();
    assert!(
        plain
            .iter()
            .all(|source| !yieldc_syntax::might_use_coroutine_syntax(source))
    );
    let scanning = measure(|| {
        for source in &plain {
            std::hint::black_box(yieldc_lower::lower(source, &options));
        }
    });
    report(
        "lower (plain files: byte scan, returned unchanged)",
        bytes,
        scanning,
    );
}

fn measure(mut f: impl FnMut()) -> Duration {
    f();
    let mut best = Duration::MAX;
    for _ in 0..5 {
        let start = Instant::now();
        let mut rounds = 0;
        while start.elapsed() < Duration::from_millis(200) {
            f();
            rounds += 1;
        }
        best = best.min(start.elapsed() / rounds);
    }
    best
}

fn report(what: &str, bytes: usize, per_round: Duration) {
    let megabytes_per_second = bytes as f64 / per_round.as_secs_f64() / 1e6;
    println!("{what:52} {bytes:>7} bytes in {per_round:>10.2?}  {megabytes_per_second:>9.1} MB/s");
}
