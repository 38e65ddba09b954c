#!/usr/bin/env python3
"""Print the ratio table for design-notes/context-structure.md.

Reads criterion's estimates from target/criterion (written by
`cargo +nightly bench` in this directory) and prints, per group, the mean
time per yielded item in ns (criterion's median of the per-sample
means, which resists the bursts of a shared VM better than the mean) and the
ratio to that group's
`iter_handwritten` baseline. Standard library only.

Usage: python3 summarize.py [CRITERION_DIR]
"""
import json
import pathlib
import sys

# Must match the Throughput::Elements values in benches/context_structure.rs.
ITEMS = {
    "filter_sum": sum(1 for x in range(30_000) if x % 3 != 0),
    "filter_sum_dyn": sum(1 for x in range(30_000) if x % 3 != 0),
    "flat_map_pairs": 2 * 10_000,
    "async_exec": 20_000,
}
BASELINE = "iter_handwritten"


def main() -> None:
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "target/criterion")
    for group, items in ITEMS.items():
        gdir = root / group
        if not gdir.is_dir():
            print(f"(no results for {group} under {root})")
            continue
        rows = {}
        for est in sorted(gdir.glob("**/new/estimates.json")):
            rel = est.parent.parent.relative_to(gdir)
            name = "/".join(rel.parts)
            data = json.loads(est.read_text())
            med = data["median"]
            rows[name] = (
                med["point_estimate"] / items,
                med["confidence_interval"]["lower_bound"] / items,
                med["confidence_interval"]["upper_bound"] / items,
            )
        base = rows.get(BASELINE, (float("nan"),))[0]
        print(f"\n### {group} ({items} items per iteration)\n")
        print("| variant | ns/item (median) | 95% CI | ratio to hand-written |")
        print("|---|---:|---:|---:|")
        order = sorted(rows, key=lambda k: (k != BASELINE, rows[k][0]))
        for name in order:
            m, lo, hi = rows[name]
            print(f"| {name} | {m:.2f} | {lo:.2f}-{hi:.2f} | {m / base:.2f}x |")


if __name__ == "__main__":
    main()
