//! Every variant of a workload, nightly-native ones included, yields the same items.

#[test]
fn all_variants_agree() {
    let cases = yieldc_runtime_nightly_bench::cases();
    for case in &cases {
        let base = cases
            .iter()
            .find(|c| c.group == case.group && c.variant == "handwritten");
        assert_eq!(
            (case.run)(),
            (base.unwrap().run)(),
            "{}/{}",
            case.group,
            case.variant
        );
    }
}
