// error: future cannot be sent between threads safely
// An `Rc` held across a `yield` makes a sync generator `!Send`, like nightly:
fn main() {
    fn assert_send<T: Send>(_: T) {}
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__gen_parts!();
    let g = ::yieldc_rt::Gen::new(__yieldc_key, async move {
        let __yieldc_co = __yieldc_co;
        let rc = std::rc::Rc::new(1);
        __yieldc_co.yield_(*rc).await;
    });
    assert_send(g);
}
