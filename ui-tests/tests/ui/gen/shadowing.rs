//@run
// Shadowed bindings in a gen body keep their own values across yields.
#![feature(gen_blocks)]

fn main() {
    let items: Vec<String> = gen {
        let x = 1;
        yield x.to_string();
        let x = "two";
        yield x.to_string();
        let x = [3, 3];
        yield format!("{}", x.len() + 1);
    }
    .collect();
    println!("{items:?}");
}
