//! The pipeline over generated files, checked against a straightforward eager computation.
#![feature(gen_blocks)]

use log_pipeline::*;

#[test]
fn pipeline_matches_an_eager_computation() {
    let dir = scratch_dir("eager").unwrap();
    let paths = generate_logs(&dir, 4, 1_500).unwrap();

    // Eager: read everything, parse by hand.
    let mut expected = Vec::<Summary>::new();
    for path in &paths {
        for line in std::fs::read_to_string(path).unwrap().lines() {
            if line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split(' ').collect();
            if f[3].parse::<u16>().unwrap() == 404 {
                continue;
            }
            let seconds: u64 = f[0].parse().unwrap();
            let start = seconds / 300 * 300;
            if expected.last().is_none_or(|s| s.start != start) {
                expected.push(Summary { start, ..Summary::default() });
            }
            let s = expected.last_mut().unwrap();
            s.requests += 1;
            s.errors += u64::from(f[3] == "500");
            s.max_millis = s.max_millis.max(f[4].parse().unwrap());
        }
    }

    let records = filter(parse(lines(paths)), |r| r.status != 404).map(Result::unwrap);
    let summaries: Vec<Summary> = windows(records, 300).collect();
    assert_eq!(summaries, expected);
    assert_eq!(summaries.len(), 6000 / 300);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn errors_flow_through_and_the_pipeline_is_lazy() {
    let dir = scratch_dir("errors").unwrap();
    let mut paths = generate_logs(&dir, 1, 10).unwrap();
    std::fs::write(dir.join("bad.log"), "1 GET / 200 5\nnot a record\n").unwrap();
    paths.push(dir.join("missing.log"));
    paths.push(dir.join("bad.log"));
    let results: Vec<Result<Record, String>> = parse(lines(paths)).collect();
    assert_eq!(results.iter().filter(|r| r.is_ok()).count(), 11);
    let errors: Vec<&String> = results.iter().filter_map(|r| r.as_ref().err()).collect();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors[1].contains("not a record"));

    // Lazy: taking two records of a huge (endless) input stops after two.
    let endless = gen { let mut i = 0u64; loop { yield Ok(format!("{i} GET / 200 1")); i += 1; } };
    let first: Vec<u64> = parse(endless).take(2).map(|r| r.unwrap().seconds).collect();
    assert_eq!(first, [0, 1]);
    std::fs::remove_dir_all(dir).unwrap();
}
