// A variable moved into two `move` coroutines (and two `async gen move` blocks): E0382 with
// nightly's labels, "value moved here" / "value used here after move" on the closures' heads
// and "use occurs due to use in coroutine" at the first mention in the second body (not in a
// comment or a string).
#![feature(coroutines, stmt_expr_attributes, gen_blocks)]

fn main() {
    let data = vec![1, 2];
    let c1 = #[coroutine] move || {
        yield data.len();
    };
    let c2 = #[coroutine] move || { //~ ERROR: use of moved value: `data`
        // data is used below
        let s = "data";
        yield s.len() + data.len();
    };
    let a = String::new();
    let g1 = async gen move { yield a.len(); };
    let g2 = async gen move { yield a.len(); }; //~ ERROR: use of moved value: `a`
    let _ = (c1, c2, g1, g2);
}
