//@run
// Splitting CSV lines into fields, quotes included.
#![feature(gen_blocks)]

gen fn fields(line: &str) -> String {
    let mut field = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => yield std::mem::take(&mut field),
            _ => field.push(c),
        }
    }
    yield field;
}

fn main() {
    println!("{:?}", fields(r#"a,"b,c",d"#).collect::<Vec<_>>());
}
