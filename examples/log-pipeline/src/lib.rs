//! A log-processing pipeline of `gen fn` adapters: files → lines → records → filtered records
//! → per-minute summaries. Each stage is lazy; nothing holds more than one file's reader and
//! one summary window in memory.
#![feature(gen_blocks)]

use std::fs::File;
use std::io::{self, BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

/// One access-log record: `SECONDS METHOD PATH STATUS MILLIS`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub seconds: u64,
    pub method: String,
    pub path: String,
    pub status: u16,
    pub millis: u32,
}

/// Writes `files` log files of `lines` lines each into `dir` (deterministic contents) and
/// returns their paths.
pub fn generate_logs(dir: &Path, files: usize, lines: usize) -> io::Result<Vec<PathBuf>> {
    let mut paths = Vec::new();
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for file in 0..files {
        let path = dir.join(format!("access-{file}.log"));
        let mut out = io::BufWriter::new(File::create(&path)?);
        for line in 0..lines {
            let seconds = (file * lines + line) as u64;
            let r = next();
            let method = ["GET", "GET", "GET", "POST"][(r % 4) as usize];
            let path = ["/", "/api/items", "/api/items/7", "/login"][((r >> 8) % 4) as usize];
            let status = [200, 200, 200, 200, 304, 404, 500][((r >> 16) % 7) as usize];
            let millis = (r >> 24) % 500;
            writeln!(out, "{seconds} {method} {path} {status} {millis}")?;
            if line % 97 == 0 {
                writeln!(out, "# a comment line the parser skips")?;
            }
        }
        out.flush()?;
    }
    Ok(paths_sorted(dir, &mut paths, files))
}

fn paths_sorted(dir: &Path, paths: &mut Vec<PathBuf>, files: usize) -> Vec<PathBuf> {
    paths.extend((0..files).map(|file| dir.join(format!("access-{file}.log"))));
    std::mem::take(paths)
}

/// The lines of every file in turn (an unreadable file is yielded as its error).
pub gen fn lines(paths: Vec<PathBuf>) -> io::Result<String> {
    for path in paths {
        match File::open(&path) {
            Ok(file) => {
                for line in BufReader::new(file).lines() {
                    yield line;
                }
            }
            Err(error) => yield Err(error),
        }
    }
}

/// Parses records, skipping comments and blank lines; a malformed line ends with its error.
pub gen fn parse(lines: impl Iterator<Item = io::Result<String>>) -> Result<Record, String> {
    for line in lines {
        let line = match line {
            Ok(line) => line,
            Err(error) => {
                yield Err(error.to_string());
                continue;
            }
        };
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split(' ').collect();
        let record = match fields[..] {
            [seconds, method, path, status, millis] => (|| {
                Some(Record {
                    seconds: seconds.parse().ok()?,
                    method: method.to_string(),
                    path: path.to_string(),
                    status: status.parse().ok()?,
                    millis: millis.parse().ok()?,
                })
            })(),
            _ => None,
        };
        yield record.ok_or_else(|| format!("malformed line: {line:?}"));
    }
}

/// The records for which `keep` holds (errors pass through).
pub gen fn filter<I, F>(records: I, keep: F) -> Result<Record, String>
where
    I: Iterator<Item = Result<Record, String>>,
    F: Fn(&Record) -> bool,
{
    for record in records {
        match record {
            Ok(record) if !keep(&record) => {}
            other => yield other,
        }
    }
}

/// A summary of one window of `window` seconds.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Summary {
    pub start: u64,
    pub requests: u64,
    pub errors: u64,
    pub max_millis: u32,
}

/// Groups consecutive records into windows of `window` seconds (records are in time order).
pub gen fn windows(records: impl Iterator<Item = Record>, window: u64) -> Summary {
    let mut current: Option<Summary> = None;
    for record in records {
        let start = record.seconds / window * window;
        if current.as_ref().is_some_and(|summary| summary.start != start) {
            yield current.take().unwrap();
        }
        let summary = current.get_or_insert_with(|| Summary { start, ..Summary::default() });
        summary.requests += 1;
        summary.errors += u64::from(record.status >= 500);
        summary.max_millis = summary.max_millis.max(record.millis);
    }
    if let Some(summary) = current {
        yield summary;
    }
}

/// A fresh scratch directory under the system temporary directory (removed by the caller).
pub fn scratch_dir(name: &str) -> io::Result<PathBuf> {
    let dir = std::env::temp_dir().join(format!("yieldc-log-pipeline-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}
