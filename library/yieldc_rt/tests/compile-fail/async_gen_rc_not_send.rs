// error: future cannot be sent between threads safely
// The same for async generators:
fn main() {
    fn assert_send<T: Send>(_: T) {}
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__async_gen_parts!();
    let g = ::yieldc_rt::AsyncGen::new(__yieldc_key, async move {
        let __yieldc_co = &__yieldc_co.bind().await;
        let rc = std::rc::Rc::new(1);
        __yieldc_co.yield_(*rc).await;
    });
    assert_send(g);
}
