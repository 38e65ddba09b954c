// error: E0277
// A sync generator is not an async iterator, a future or a coroutine:
fn main() {
    fn assert_coroutine<T: yieldc_rt::Coroutine>(_: T) {}
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__gen_parts!();
    let g = ::yieldc_rt::Gen::new(__yieldc_key, async move {
        let __yieldc_co = __yieldc_co;
        __yieldc_co.yield_(1).await;
    });
    assert_coroutine(g);
}
