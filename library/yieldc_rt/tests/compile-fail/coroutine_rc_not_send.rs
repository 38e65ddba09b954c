// error: future cannot be sent between threads safely
// and for coroutines:
fn main() {
    fn assert_send<T: Send>(_: T) {}
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__coroutine_parts!();
    let c = ::yieldc_rt::Coro::new(__yieldc_key, async move {
        let __yieldc_co = __yieldc_co;
        let rc = std::rc::Rc::new(1u8);
        let r: u8 = __yieldc_co.yield_(1u8).await;
        r + *rc
    });
    assert_send(c);
}
