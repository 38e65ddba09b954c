//! `cargo run -p yieldc_lower --example lower_file -- FILE [--edition 2024] [--boxed] [--map]`:
//! prints the lowered text of FILE, its source map (`--map`) and its diagnostics (a debugging aid; the library does no IO).

fn main() {
    let mut arguments = std::env::args().skip(1);
    let mut path = None;
    let mut show_map = false;
    let mut options = yieldc_lower::LowerOptions {
        is_crate_root: true,
        ..Default::default()
    };
    while let Some(argument) = arguments.next() {
        match argument.as_str() {
            "--edition" => {
                let flag = arguments.next().unwrap_or_default();
                options.edition = yieldc_lower::Edition::from_flag(&flag).unwrap_or_default();
            }
            "--boxed" => options.force_boxed = true,
            "--map" => show_map = true,
            _ => path = Some(argument),
        }
    }
    let Some(path) = path else {
        eprintln!("usage: lower_file FILE [--edition 2024] [--boxed] [--map]");
        std::process::exit(2);
    };
    let source = std::fs::read_to_string(&path).unwrap_or_else(|error| {
        eprintln!("cannot read {path}: {error}");
        std::process::exit(2);
    });
    let lowered = yieldc_lower::lower(&source, &options);
    print!("{}", lowered.text);
    if show_map {
        for entry in lowered.source_map.entries() {
            eprintln!(
                "{:?} <- {:?} {:?} {:?}",
                entry.lowered,
                entry.original,
                entry.kind,
                &lowered.text[entry.lowered.clone()]
            );
        }
    }
    for diagnostic in &lowered.diagnostics {
        eprintln!("{diagnostic:?}");
    }
}
