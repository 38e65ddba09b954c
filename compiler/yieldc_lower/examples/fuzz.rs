//! Time-boxed fuzzing of the front end: lowers random and mutated inputs until the time budget
//! runs out and checks that nothing panics and every structural invariant holds (the same
//! checks as `tests/invariants.rs`, which runs a fixed number of seeds in CI).
//!
//! ```text
//! cargo run --release -p yieldc_lower --example fuzz -- [SECONDS] [FIRST_SEED]
//! ```
//! Prints progress every 10 seconds and a summary; on a failure, writes the input to
//! `target/fuzz-failure.rs` and exits 1 with the seed to reproduce it.

#[path = "../tests/support/mod.rs"]
mod support;

use std::time::{Duration, Instant};

use support::{Random, check_invariants, mutate, options, programs, random_bytes, token_soup};
use yieldc_lower::{Edition, LowerOptions, lower};

fn main() {
    let mut args = std::env::args().skip(1);
    let seconds: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(600);
    let first_seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    let programs = programs();
    let start = Instant::now();
    let budget = Duration::from_secs(seconds);
    let mut next_report = Duration::from_secs(10);
    let mut counts = [0u64; 3];
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
        let kind = (seed % 3) as usize;
        let source = match kind {
            0 => token_soup(&mut random),
            1 => random_bytes(&mut random),
            _ => {
                let (_, original) = &programs[random.below(programs.len())];
                mutate(original, &mut random)
            }
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
            let lowered = lower(&source, &options);
            check_invariants(&source, &lowered)
        });
        let target = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target");
        match result {
            Ok(Ok(())) => {}
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
        "fuzzed {} inputs ({} token soups, {} random byte strings, {} mutated programs; {:.1} MB) \
         in {:.0} s, seeds {first_seed}..{seed}: no panic",
        counts.iter().sum::<u64>(),
        counts[0],
        counts[1],
        counts[2],
        bytes as f64 / 1e6,
        start.elapsed().as_secs_f64()
    );
    if violations.is_empty() {
        println!("every invariant held");
    } else {
        for (kind, count, first_seed) in &violations {
            println!("invariant broken {count} times (first at seed {first_seed}): {kind}");
        }
        std::process::exit(2);
    }
}
