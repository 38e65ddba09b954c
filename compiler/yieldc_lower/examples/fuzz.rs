//! Time-boxed fuzzing of the front end: lowers random and mutated inputs until the time budget
//! runs out and checks that nothing panics, every structural invariant holds (the same
//! checks as `tests/invariants.rs`, which runs a fixed number of seeds in CI), and the
//! item-limited path agrees byte for byte with the whole-file reference (`tests/item_path.rs`).
//! Inputs: token soups, random bytes, mutated sample programs, and real files from
//! `~/.cargo/registry/src` with coroutine syntax injected (sometimes mutated too).
//!
//! ```text
//! cargo run --release -p yieldc_lower --example fuzz -- [SECONDS] [FIRST_SEED]
//! ```
//! Prints progress every 10 seconds and a summary; on a failure, writes the input to
//! `target/fuzz-failure.rs` and exits 1 with the seed to reproduce it; a disagreement of the two
//! paths is written to `target/fuzz-mismatch-N.rs` and makes the exit code 3.

#[path = "../tests/support/mod.rs"]
mod support;

use std::time::{Duration, Instant};

use support::{
    Random, check_invariants, inject, inject_gen_fns, mutate, options, programs, random_bytes,
    registry_files, token_soup,
};
use yieldc_lower::{
    Edition, LowerOptions, Lowered, lower_included_expression, lower_item_limited, lower_whole_file,
};

fn main() {
    let mut args = std::env::args().skip(1);
    let seconds: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(600);
    let first_seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    let programs = programs();
    let registry: Vec<String> = registry_files(24 << 20)
        .into_iter()
        .map(|(_, text)| text)
        .filter(|text| text.len() <= 40_000)
        .collect();
    eprintln!("{} registry files for injection", registry.len());
    let start = Instant::now();
    let budget = Duration::from_secs(seconds);
    let mut next_report = Duration::from_secs(10);
    let mut counts = [0u64; 4];
    let mut item_path_taken = 0u64;
    let mut mismatches = 0u64;
    let mut bytes = 0u64;
    let mut seed = first_seed;
    let mut violations: Vec<(String, u64, u64)> = Vec::new();
    // Panics are failures to report, not noise: silence the default hook's output.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if std::env::var_os("YIELDC_FUZZ_VERBOSE").is_some() {
            default_hook(info);
        }
    }));
    while start.elapsed() < budget {
        let mut random = Random(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let kind = if registry.is_empty() {
            (seed % 3) as usize
        } else {
            (seed % 4) as usize
        };
        let source = match kind {
            0 => token_soup(&mut random),
            1 => random_bytes(&mut random),
            2 => {
                let (_, original) = &programs[random.below(programs.len())];
                mutate(original, &mut random)
            }
            _ => {
                // Valid gen fns, erroneous keyword sprinkles, or valid gen fns then mutated.
                let real = &registry[random.below(registry.len())];
                match random.below(3) {
                    0 => inject_gen_fns(real, &mut random),
                    1 => inject(real, &mut random),
                    _ => {
                        let injected = inject_gen_fns(real, &mut random);
                        mutate(&injected, &mut random)
                    }
                }
            }
        };
        // Some files start with a byte-order mark.
        let source = if random.below(10) == 0 {
            format!("\u{feff}{source}")
        } else {
            source
        };
        let edition = if random.below(5) == 0 {
            Edition::E2021
        } else {
            Edition::E2024
        };
        let options = LowerOptions {
            edition,
            ..options()
        };
        let result = std::panic::catch_unwind(|| {
            let whole = lower_whole_file(&source, &options);
            let by_items = lower_item_limited(&source, &options);
            let agreement = by_items.as_ref().map(|by_items| same(by_items, &whole));
            // As an `include!`d expression too (most inputs are not one).
            if let Some(expression) = lower_included_expression(&source, &options) {
                check_invariants(&source, &expression)?;
            }
            check_invariants(&source, by_items.as_ref().unwrap_or(&whole)).map(|()| agreement)
        });
        let target = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target");
        match result {
            Ok(Ok(None)) => {}
            Ok(Ok(Some(Ok(())))) => item_path_taken += 1,
            Ok(Ok(Some(Err(difference)))) => {
                item_path_taken += 1;
                let path = target.join(format!("fuzz-mismatch-{mismatches}.rs"));
                if mismatches < 20 {
                    let _ = std::fs::write(&path, &source);
                    eprintln!(
                        "seed {seed} ({edition:?}): the item path differs from the whole file: \
                         {difference} (input: {})",
                        path.display()
                    );
                }
                mismatches += 1;
            }
            Ok(Err(error)) => {
                // The kind: the message up to its first digit (line numbers vary).
                let kind: String = error.chars().take_while(|c| !c.is_ascii_digit()).collect();
                match violations.iter_mut().find(|(k, _, _)| *k == kind) {
                    Some((_, count, _)) => *count += 1,
                    None => {
                        let path = target.join(format!("fuzz-invariant-{}.rs", violations.len()));
                        let _ = std::fs::write(&path, &source);
                        eprintln!(
                            "seed {seed}: invariant broken: {error} (input: {})",
                            path.display()
                        );
                        violations.push((kind, 1, seed));
                    }
                }
            }
            Err(_) => {
                let path = target.join("fuzz-failure.rs");
                let _ = std::fs::write(&path, &source);
                eprintln!(
                    "seed {seed} ({edition:?}): the lowering panicked; input written to {}",
                    path.display()
                );
                std::process::exit(1);
            }
        }
        counts[kind] += 1;
        bytes += source.len() as u64;
        seed += 1;
        if start.elapsed() >= next_report {
            eprintln!(
                "{:>4}s: {} inputs",
                next_report.as_secs(),
                counts.iter().sum::<u64>()
            );
            next_report += Duration::from_secs(10);
        }
    }
    println!(
        "fuzzed {} inputs ({} token soups, {} random byte strings, {} mutated programs, \
         {} injected registry files; {:.1} MB) in {:.0} s, seeds {first_seed}..{seed}: no panic",
        counts.iter().sum::<u64>(),
        counts[0],
        counts[1],
        counts[2],
        counts[3],
        bytes as f64 / 1e6,
        start.elapsed().as_secs_f64()
    );
    println!(
        "item-limited path taken on {item_path_taken} inputs (compared with the whole-file path): \
         {mismatches} mismatches"
    );
    if violations.is_empty() {
        println!("every invariant held");
    } else {
        for (kind, count, first_seed) in &violations {
            println!("invariant broken {count} times (first at seed {first_seed}): {kind}");
        }
    }
    if mismatches > 0 {
        std::process::exit(3);
    }
    if !violations.is_empty() {
        std::process::exit(2);
    }
}

/// Whether two lowerings agree byte for byte; else what differs.
fn same(by_items: &Lowered, whole: &Lowered) -> Result<(), String> {
    if by_items.text != whole.text {
        return Err("lowered text".to_owned());
    }
    if by_items.source_map != whole.source_map {
        return Err("source map".to_owned());
    }
    if by_items.diagnostics != whole.diagnostics {
        return Err("diagnostics".to_owned());
    }
    Ok(())
}
