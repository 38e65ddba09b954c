// error: E0277
// A `static` coroutine is `!Unpin`, so it cannot be resumed without pinning:
fn main() {
    use std::pin::Pin;
    use yieldc_rt::Coroutine;
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__coroutine_parts!();
    let mut c = ::yieldc_rt::StaticCoro::new(__yieldc_key, async move {
        let __yieldc_co = __yieldc_co;
        __yieldc_co.yield_(1).await;
    });
    let _ = Pin::new(&mut c).resume(());
}
