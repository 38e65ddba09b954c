//@run
// A tokenizer: a `gen fn` over `&str` yielding tokens.
#![feature(gen_blocks)]

#[derive(Debug)]
enum Token<'a> {
    Number(i64),
    Ident(&'a str),
    Punct(char),
}

gen fn tokens<'a>(src: &'a str) -> Token<'a> {
    let bytes = src.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i] as char;
        if c.is_whitespace() {
            i += 1;
        } else if c.is_ascii_digit() {
            let start = i;
            while i < bytes.len() && (bytes[i] as char).is_ascii_digit() {
                i += 1;
            }
            yield Token::Number(src[start..i].parse().unwrap());
        } else if c.is_alphabetic() {
            let start = i;
            while i < bytes.len() && (bytes[i] as char).is_alphanumeric() {
                i += 1;
            }
            yield Token::Ident(&src[start..i]);
        } else {
            i += 1;
            yield Token::Punct(c);
        }
    }
}

fn main() {
    for t in tokens("let x1 = 42 + y;") {
        println!("{t:?}");
    }
}
