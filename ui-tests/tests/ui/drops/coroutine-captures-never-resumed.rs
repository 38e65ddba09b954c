//@run
// A `move` coroutine never resumed drops its captures when dropped.
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]

struct Noisy(&'static str);
impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn main() {
    let n = Noisy("captured");
    let c = #[coroutine]
    move || {
        let _ = &n;
        yield 1;
    };
    println!("created");
    drop(c);
    println!("done");
}
