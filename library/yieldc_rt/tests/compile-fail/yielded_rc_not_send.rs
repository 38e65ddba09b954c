// error: future cannot be sent between threads safely
// Yielding an `Rc` does too (nightly: "this value is used across a yield"):
fn main() {
    fn assert_send<T: Send>(_: T) {}
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__gen_parts!();
    let g = ::yieldc_rt::Gen::new(__yieldc_key, async move {
        let __yieldc_co = __yieldc_co;
        __yieldc_co.yield_(std::rc::Rc::new(1)).await;
    });
    assert_send(g);
}
