// error: E0133
// Without `unsafe` there is no way to make a key, so no `Gen` can be built by safe code outside the lowering's macros:
fn main() {
    let (__yieldc_key, __yieldc_co) = yieldc_rt::__private::gen_parts::<u8, _>(|_| {});
}
