// error: E0507
// The yield handle of an `async gen` cannot be moved out of its body (it is a reference):
fn main() {
    let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__async_gen_parts!();
    let g = ::yieldc_rt::AsyncGen::new(__yieldc_key, async move {
        let __yieldc_co = &__yieldc_co.bind().await;
        let stolen = *__yieldc_co;
        stolen.yield_(1).await;
    });
}
