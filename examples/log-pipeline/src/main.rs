//! Generates a few log files in a temporary directory, runs the pipeline, prints the busiest
//! windows, and cleans up.
#![feature(gen_blocks)]

use log_pipeline::*;

fn main() -> std::io::Result<()> {
    let dir = scratch_dir("demo")?;
    let paths = generate_logs(&dir, 3, 2_000)?;
    let records = parse(lines(paths)).filter_map(Result::ok);
    let api = filter(records.map(Ok), |r| r.path.starts_with("/api")).filter_map(Result::ok);
    let mut summaries: Vec<Summary> = windows(api, 600).collect();
    summaries.sort_by_key(|s| std::cmp::Reverse(s.errors));
    for s in summaries.iter().take(3) {
        println!("window {:>5}s: {} /api requests, {} errors, slowest {} ms", s.start, s.requests, s.errors, s.max_millis);
    }
    std::fs::remove_dir_all(dir)
}
