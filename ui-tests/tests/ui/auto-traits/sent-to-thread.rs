//@run
// A `Send` gen iterated on another thread.
#![feature(gen_blocks)]

fn main() {
    let g = gen move {
        for i in 0..3 {
            yield i * 10;
        }
    };
    let handle = std::thread::spawn(move || g.collect::<Vec<_>>());
    println!("{:?}", handle.join().unwrap());
}
