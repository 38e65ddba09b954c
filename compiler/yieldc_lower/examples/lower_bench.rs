//! Lowering throughput: `cargo run --release -p yieldc_lower --example lower_bench`.
//! Measures, in one run: (1) `lower` (item-limited) and `lower_whole_file` (the reference) on
//! the end-to-end programs, (2) the byte scan that lets files without coroutine syntax through
//! unparsed, (3) a bare `ra_ap_syntax` parse of the same files, for scale, and on real code from
//! `~/.cargo/registry/src`: (4) the byte scan over every file (up to 64 MB), (5) whole-file and
//! item-limited lowering of a corpus of registry files with gen fns injected (the test's
//! `inject`), with the share of files where the item path had to fall back. Numbers go to
//! design-notes/frontend-perf.md.

#[path = "../tests/support/mod.rs"]
mod support;

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
    report(
        "lower, item-limited (files using the syntax)",
        bytes,
        lowering,
    );
    let whole = measure(|| {
        for source in &sources {
            std::hint::black_box(yieldc_lower::lower_whole_file(source, &options));
        }
    });
    report("lower_whole_file (same files)", bytes, whole);
    // The driver's gate scan (`unused_features`), on the same files and on files of many items
    // (it was once quadratic in the item count: 4x the items must cost about 4x).
    let gates = measure(|| {
        for source in &sources {
            std::hint::black_box(yieldc_lower::gates::gate_usage(source, &options, false));
        }
    });
    report("gates::gate_usage (same files)", bytes, gates);
    let many_items = |count: usize| -> String {
        let mut text = String::from("#![feature(gen_blocks)]\n");
        for i in 0..count {
            text.push_str(&format!(
                "pub fn f{i}(v: &mut Vec<u64>) -> u64 {{\n    v.iter().map(|x| x * {i}).sum()\n}}\n"
            ));
        }
        text.push_str("pub gen fn g() -> u64 {\n    yield 1;\n}\n");
        text
    };
    let (small, large) = (many_items(400), many_items(1600));
    let small_time = measure(|| {
        std::hint::black_box(yieldc_lower::gates::gate_usage(&small, &options, false));
    });
    let large_time = measure(|| {
        std::hint::black_box(yieldc_lower::gates::gate_usage(&large, &options, false));
    });
    report("gates::gate_usage, 400 items", small.len(), small_time);
    report("gates::gate_usage, 1600 items", large.len(), large_time);
    println!(
        "  1600 items / 400 items time: {:.1}x (linear: about 4x)",
        small_time.speedup_over(large_time)
    );
    println!(
        "  item-limited / whole-file speed: {:.2}x",
        lowering.speedup_over(whole)
    );

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
                .replace("iter_macro", "itr_macro")
                .replace("async_for_loop", "asy_for_loop")
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

    // Real code: every `.rs` file of the crates in cargo's registry (up to 64 MB), scanned.
    let registry = std::env::var_os("CARGO_HOME")
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| std::path::Path::new(&home).join(".cargo")))
        .map(|home| home.join("registry/src"));
    let mut corpus = Vec::new();
    let mut corpus_bytes = 0;
    let mut stack: Vec<std::path::PathBuf> = registry.into_iter().collect();
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|ext| ext == "rs")
                && corpus_bytes < 64 << 20
                && let Ok(text) = std::fs::read_to_string(&path)
            {
                corpus_bytes += text.len();
                corpus.push(text);
            }
        }
    }
    if corpus.is_empty() {
        println!("(no cargo registry sources found: real-code scan skipped)");
        return;
    }
    registry_lowering(&corpus, &options);
    let positives = corpus
        .iter()
        .filter(|text| yieldc_syntax::might_use_coroutine_syntax(text))
        .count();
    let scanning = measure(|| {
        for text in &corpus {
            std::hint::black_box(yieldc_syntax::might_use_coroutine_syntax(text));
        }
    });
    report(
        &format!(
            "byte scan over {} registry files ({positives} flagged)",
            corpus.len()
        ),
        corpus_bytes,
        scanning,
    );
    let reference_positives = corpus
        .iter()
        .filter(|text| yieldc_syntax::might_use_coroutine_syntax_reference(text))
        .count();
    assert_eq!(reference_positives, positives);
    let reference = measure(|| {
        for text in &corpus {
            std::hint::black_box(yieldc_syntax::might_use_coroutine_syntax_reference(text));
        }
    });
    report(
        &format!("  same, the old scan (aho-corasick, {reference_positives} flagged)"),
        corpus_bytes,
        reference,
    );
    println!(
        "  byte scan / old scan speed: {:.2}x",
        scanning.speedup_over(reference)
    );
    let baseline_positives = corpus.iter().filter(|text| per_byte_scan(text)).count();
    let baseline = measure(|| {
        for text in &corpus {
            std::hint::black_box(per_byte_scan(text));
        }
    });
    report(
        &format!("  same, first per-byte scan ({baseline_positives} flagged)"),
        corpus_bytes,
        baseline,
    );
    let narrow_positives = corpus
        .iter()
        .filter(|text| per_byte_scan_narrow(text))
        .count();
    let narrow = measure(|| {
        for text in &corpus {
            std::hint::black_box(per_byte_scan_narrow(text));
        }
    });
    report(
        &format!("  same, per-byte with today's needles ({narrow_positives} flagged)"),
        corpus_bytes,
        narrow,
    );
}

/// Whole-file vs item-limited lowering on registry files with gen fns injected: every file of
/// the corpus up to 100 KB, until 6 MB, each through `support::inject_gen_fns` (the gate, two
/// `gen fn` items and one `gen fn` method) with a fixed seed.
fn registry_lowering(corpus: &[String], options: &LowerOptions) {
    let mut injected = Vec::new();
    let mut injected_bytes = 0;
    for (index, text) in corpus.iter().enumerate() {
        if text.len() > 100_000 {
            continue;
        }
        let mut random =
            support::Random((index as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let source = support::inject_gen_fns(text, &mut random);
        if !yieldc_syntax::might_use_coroutine_syntax(&source) {
            continue;
        }
        injected_bytes += source.len();
        injected.push(source);
        if injected_bytes > 6 << 20 {
            break;
        }
    }
    let taken: Vec<bool> = injected
        .iter()
        .map(|source| yieldc_lower::lower_item_limited(source, options).is_some())
        .collect();
    let taken_count = taken.iter().filter(|&&taken| taken).count();
    let taken_bytes: usize = injected
        .iter()
        .zip(&taken)
        .filter(|(_, taken)| **taken)
        .map(|(source, _)| source.len())
        .sum();
    let parsed_bytes: usize = injected
        .iter()
        .zip(&taken)
        .filter(|(_, taken)| **taken)
        .filter_map(|(source, _)| yieldc_syntax::items::scan_items(source))
        .map(|plan| {
            plan.tiles
                .iter()
                .filter(|tile| tile.marked)
                .map(|tile| tile.end - tile.start)
                .sum::<usize>()
        })
        .sum();
    println!(
        "registry corpus with gen fns injected: {} files, {injected_bytes} bytes; item path taken \
         on {taken_count} files ({taken_bytes} bytes), which parse {:.1}% of their bytes",
        injected.len(),
        parsed_bytes as f64 * 100.0 / taken_bytes.max(1) as f64
    );
    let scan_gave_up = injected
        .iter()
        .filter(|source| yieldc_syntax::items::scan_items(source).is_none())
        .count();
    println!(
        "  whole-file fallbacks: {} files ({} bytes); the item scan gave up on {scan_gave_up}",
        injected.len() - taken_count,
        injected_bytes - taken_bytes
    );
    let by_items = measure(|| {
        for source in &injected {
            std::hint::black_box(yieldc_lower::lower(source, options));
        }
    });
    report("  lower, item-limited", injected_bytes, by_items);
    let whole = measure(|| {
        for source in &injected {
            std::hint::black_box(yieldc_lower::lower_whole_file(source, options));
        }
    });
    report("  lower_whole_file (the old path)", injected_bytes, whole);
    println!(
        "  item-limited / whole-file speed: {:.2}x",
        by_items.speedup_over(whole)
    );
    let scan = measure(|| {
        for source in &injected {
            std::hint::black_box(yieldc_syntax::items::scan_items(source));
        }
    });
    report("  item scan alone (scan_items)", injected_bytes, scan);
}

fn per_byte_scan_narrow(source: &str) -> bool {
    const NEEDLES: &[(&[u8], bool)] = &[
        (b"yield", true),
        (b"gen", true),
        (b"await", true),
        (b"coroutine", false),
        (b"Coroutine", false),
        (b"async_iter", false),
        (b"iter!", false),
        (b"gen_blocks", true),
        (b"async_for_loop", true),
        (b"iter_macro", true),
        (b"yield_expr", true),
        (b"iter_from_coroutine", true),
    ];
    let bytes = source.as_bytes();
    let ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80;
    let mut previous_is_ident = false;
    for (at, &byte) in bytes.iter().enumerate() {
        let is_ident = ident(byte);
        if is_ident && !previous_is_ident && matches!(byte, b'y' | b'g' | b'a' | b'c' | b'C' | b'i')
        {
            for (needle, whole) in NEEDLES {
                if bytes[at..].starts_with(needle) {
                    let after = at + needle.len();
                    if (!whole || after >= bytes.len() || !ident(bytes[after]))
                        && (*needle != b"await" || source[..at].trim_end().ends_with("for"))
                    {
                        return true;
                    }
                }
            }
        }
        previous_is_ident = is_ident;
    }
    false
}

/// The first version of the byte scan (a per-byte loop comparing needles at word starts),
/// kept here as the baseline of the measurement.
fn per_byte_scan(source: &str) -> bool {
    const NEEDLES: &[(&[u8], bool)] = &[
        (b"yield", true),
        (b"gen", true),
        (b"await", true),
        (b"coroutine", false),
        (b"Coroutine", false),
        (b"async_iter", false),
        (b"iter!", false),
        (b"feature", false),
    ];
    let bytes = source.as_bytes();
    let mut previous_is_ident = false;
    for (at, &byte) in bytes.iter().enumerate() {
        let is_ident = byte.is_ascii_alphanumeric() || byte == b'_' || byte >= 0x80;
        if is_ident
            && !previous_is_ident
            && matches!(byte, b'y' | b'g' | b'a' | b'c' | b'C' | b'i' | b'f')
        {
            for (needle, whole) in NEEDLES {
                if bytes[at..].starts_with(needle) {
                    let after = at + needle.len();
                    let next_is_ident = after < bytes.len()
                        && (bytes[after].is_ascii_alphanumeric()
                            || bytes[after] == b'_'
                            || bytes[after] >= 0x80);
                    if !whole || !next_is_ident {
                        return true;
                    }
                }
            }
        }
        previous_is_ident = is_ident;
    }
    false
}

/// The best of 5 rounds, each at least 300 ms of this thread's CPU time (or 3 s of wall time):
/// per pass, by the wall clock and by CPU time. The machine is shared (2 cores, other builds),
/// so the CPU time, which leaves out the time the thread waited, is the steadier of the two.
#[derive(Clone, Copy)]
struct Timing {
    wall: Duration,
    cpu: Option<Duration>,
}

impl Timing {
    /// How many times faster `self` is than `other` (CPU time when both have it).
    fn speedup_over(self, other: Timing) -> f64 {
        match (self.cpu, other.cpu) {
            (Some(mine), Some(theirs)) => theirs.as_secs_f64() / mine.as_secs_f64(),
            _ => other.wall.as_secs_f64() / self.wall.as_secs_f64(),
        }
    }
}

fn measure(mut f: impl FnMut()) -> Timing {
    f();
    let mut best_wall = Duration::MAX;
    let mut best_cpu: Option<Duration> = None;
    for _ in 0..5 {
        let start = Instant::now();
        let cpu_start = thread_cpu_time();
        let mut rounds = 0;
        loop {
            f();
            rounds += 1;
            let cpu = match (cpu_start, thread_cpu_time()) {
                (Some(start), Some(now)) => now.saturating_sub(start),
                _ => start.elapsed(),
            };
            if (cpu >= Duration::from_millis(300) && start.elapsed() >= Duration::from_millis(200))
                || start.elapsed() >= Duration::from_secs(3)
            {
                break;
            }
        }
        best_wall = best_wall.min(start.elapsed() / rounds);
        if let (Some(cpu_start), Some(cpu_end)) = (cpu_start, thread_cpu_time()) {
            let per_round = cpu_end.saturating_sub(cpu_start) / rounds;
            best_cpu = Some(best_cpu.map_or(per_round, |best| best.min(per_round)));
        }
    }
    Timing {
        wall: best_wall,
        cpu: best_cpu,
    }
}

/// This thread's user + system CPU time (Linux: `/proc/thread-self/stat`, 10 ms ticks).
fn thread_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // Fields after the command name (which is in parentheses and may contain spaces).
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let user: u64 = fields.get(11)?.parse().ok()?;
    let system: u64 = fields.get(12)?.parse().ok()?;
    Some(Duration::from_millis((user + system) * 10))
}

fn report(what: &str, bytes: usize, timing: Timing) {
    let megabytes_per_second = |per_round: Duration| bytes as f64 / per_round.as_secs_f64() / 1e6;
    let wall = timing.wall;
    match timing.cpu {
        Some(cpu) => println!(
            "{what:52} {bytes:>8} bytes: wall {wall:>9.2?} {:>8.1} MB/s, CPU {cpu:>9.2?} {:>8.1} MB/s",
            megabytes_per_second(wall),
            megabytes_per_second(cpu)
        ),
        None => println!(
            "{what:52} {bytes:>8} bytes: wall {wall:>9.2?} {:>8.1} MB/s",
            megabytes_per_second(wall)
        ),
    }
}
