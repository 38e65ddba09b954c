//! Every variant of a workload yields the same items (same checksum as the hand-written one).

use std::collections::BTreeMap;

#[test]
fn all_variants_agree() {
    let mut by_group: BTreeMap<&str, Vec<(&str, u64)>> = BTreeMap::new();
    for case in yieldc_runtime_bench::cases() {
        by_group
            .entry(case.group)
            .or_default()
            .push((case.variant, (case.run)()));
    }
    for (group, results) in &by_group {
        let (_, expected) = results.iter().find(|(v, _)| *v == "handwritten").unwrap();
        for (variant, got) in results {
            assert_eq!(got, expected, "{group}/{variant}");
        }
    }
    // Spot-check the hand-written baselines themselves.
    let a: u64 = (0..1_000_000u64).filter(|x| x % 3 != 0).sum();
    assert_eq!(by_group["a_filter"][0].1, a);
    let b: u64 = (0..1000u64)
        .flat_map(|i| (0..1000u64).map(move |j| i * j))
        .sum();
    assert_eq!(by_group["b_nested"][0].1, b);
    let c: u64 = (0..500_000u64).map(|i| 2 * i + 1).sum();
    assert_eq!(by_group["c_flat_map"][0].1, c);
    let d: u64 = (0..65_535u64).sum();
    assert_eq!(by_group["d_tree"][0].1, d);
    let e: u64 = (0..1_000_000u64).sum();
    assert_eq!(by_group["e_pending"][0].1, e);
}

#[test]
fn tree_walk_is_in_order() {
    use yieldc_runtime_bench::d_tree::{build, Node};
    fn in_order(t: &Node, out: &mut Vec<u32>) {
        if let Some(l) = &t.left {
            in_order(l, out);
        }
        out.push(t.value);
        if let Some(r) = &t.right {
            in_order(r, out);
        }
    }
    let t = build(5, 0).unwrap();
    let mut out = Vec::new();
    in_order(&t, &mut out);
    assert_eq!(out, (0..31).collect::<Vec<_>>());
}
