//! Runs one case a given number of times, for instruction counting under valgrind:
//!
//!     instr GROUP VARIANT REPS
//!
//! Instructions per run = (Ir(REPS = 3) - Ir(REPS = 1)) / 2, which cancels start-up, the tree
//! build and everything else outside the workload. `instr list` prints the cases.

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let cases = yieldc_runtime_bench::cases();
    if args.get(1).map(String::as_str) == Some("time") {
        let rounds = args.get(2).map_or(40, |r| r.parse().expect("ROUNDS"));
        yieldc_runtime_bench::d_tree::tree();
        yieldc_runtime_bench::interleaved_timing(&cases, rounds);
        return;
    }
    if args.get(1).map(String::as_str) == Some("list") {
        for c in &cases {
            println!("{} {} {} {}", c.group, c.variant, c.items, c.gens);
        }
        return;
    }
    let [_, group, variant, reps] = &args[..] else {
        eprintln!("usage: instr GROUP VARIANT REPS | instr list | instr time [ROUNDS]");
        std::process::exit(2);
    };
    let reps: u32 = reps.parse().expect("REPS");
    let case = cases
        .iter()
        .find(|c| c.group == group && c.variant == variant)
        .unwrap_or_else(|| panic!("no case {group}/{variant}"));
    let mut acc = 0u64;
    for _ in 0..reps {
        acc = acc.wrapping_add((case.run)());
    }
    println!("{acc}");
}
