#!/usr/bin/env python3
"""Markdown tables, one per workload, from the three kinds of measurement this package makes.

    python3 report.py LIST_FILE [--criterion DIR BASELINE...] [--inter FILE] [--instr FILE]

LIST_FILE    output of `instr list` (group variant items gens): row order and denominators
--criterion  criterion's output dir (target/criterion) and the names given to
             `cargo bench -- --save-baseline NAME`; per item = median time / items
--inter      output of one or more `instr time` runs, concatenated
--instr      output of instr.sh (instructions per item, from valgrind)

Ratios are to the `handwritten` variant of the same group, same run. For c_create the unit is
per generator instead of per item.
"""
import json
import os
import sys


def take(args, flag, n=None):
    if flag not in args:
        return None
    i = args.index(flag)
    if n is None:  # up to the next flag
        j = i + 1
        while j < len(args) and not args[j].startswith("--"):
            j += 1
        vals = args[i + 1 : j]
    else:
        vals = args[i + 1 : i + 1 + n]
        j = i + 1 + n
    del args[i:j]
    return vals


def main():
    args = sys.argv[1:]
    crit = take(args, "--criterion")
    inter_file = take(args, "--inter", 1)
    instr_file = take(args, "--instr", 1)
    rows = [l.split() for l in open(args[0]).read().splitlines() if l.strip()]
    groups = []
    for g, *_ in rows:
        if g not in groups:
            groups.append(g)

    crit_runs = {}
    if crit:
        d, baselines = crit[0], crit[1:]
        for b in baselines:
            run = {}
            for g, v, *_ in rows:
                p = os.path.join(d, g, v, b)
                est = json.load(open(os.path.join(p, "estimates.json")))
                n = json.load(open(os.path.join(p, "benchmark.json")))["throughput"]["Elements"]
                run[(g, v)] = est["median"]["point_estimate"] / n
            crit_runs[b] = run

    inter_runs = []
    if inter_file:
        for line in open(inter_file[0]).read().splitlines():
            if line.startswith("workload"):  # the header line that starts each run's output
                inter_runs.append({})
            elif line.split() and line.split()[0] in groups:
                g, v, mn, _med, _ratio = line.split()
                inter_runs[-1][(g, v)] = float(mn)

    instr = {}
    if instr_file:
        for line in open(instr_file[0]).read().splitlines()[1:]:
            g, v, _, per = line.split()
            instr[(g, v)] = float(per)

    def fmt_runs(runs, g, v):
        vals = [r[(g, v)] for r in runs]
        base = [r[(g, "handwritten")] for r in runs]
        cells = [" / ".join(f"{x:.2f}" for x in vals)]
        cells.append(" / ".join(f"{x / b:.2f}x" for x, b in zip(vals, base)))
        if len(vals) > 1:
            cells.append(f"{(max(vals) - min(vals)) / min(vals) * 100:.0f}%")
        return cells

    for g in groups:
        unit = "gen" if g == "c_create" else "item"
        head = ["variant"]
        if inter_runs:
            head += [f"ns/{unit}, interleaved min", "ratio"]
            head += ["spread"] if len(inter_runs) > 1 else []
        if crit_runs:
            head += [f"ns/{unit}, criterion median", "ratio"]
            head += ["spread"] if len(crit_runs) > 1 else []
        if instr:
            head += [f"instr/{unit}", "ratio"]
        print(f"\n#### {g}\n")
        print("| " + " | ".join(head) + " |")
        print("|---" + "|--:" * (len(head) - 1) + "|")
        for v in [r[1] for r in rows if r[0] == g]:
            cells = [f"`{v}`"]
            if inter_runs:
                cells += fmt_runs(inter_runs, g, v)
            if crit_runs:
                cells += fmt_runs(list(crit_runs.values()), g, v)
            if instr:
                x, b = instr.get((g, v)), instr.get((g, "handwritten"))
                cells += [f"{x:.1f}", f"{x / b:.2f}x"] if x is not None else ["", ""]
            print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
