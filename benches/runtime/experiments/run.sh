#!/usr/bin/env bash
# Prices parts of the runtime by instruction counts: copies library/yieldc_rt and this package
# to a scratch directory (never touching the real runtime), applies the named edit scripts to
# the copy, and prints instructions per item for the cases they affect.
#
#   experiments/run.sh NAME [EDIT.py...]      e.g.  experiments/run.sh x4 x4_zst_resume.py
#
# Edits (see design-notes/runtime-perf.md; "unsound" ones only measure what a check costs):
#   x1_no_typeid.py      sync `yield`: no TypeId check (unsound)
#   x2_no_checks.py      sync `yield`: no checks at all in `slot_for` (unsound)
#   x3_no_poison.py      `Machine`: no poison-flag writes (drops panic detection)
#   x4_zst_resume.py     sync `yield`: resumption poll with a zero-sized resume type skips the slot
#   y1_no_ctx_check.py   async `yield`: no Context check (unsound)
#   y2_one_poll_site.py  `AsyncGen::poll_next`: one call site of the body's `poll`
#   y3_one_poll_site_lazy.py  as y2, the binding context built only on the binding pass
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
main=$(cd "$here/../../.." && pwd)
scratch=${SCRATCH:-/tmp/yieldc-rt-experiments}
name=$1; shift
rm -rf "$scratch/library" && mkdir -p "$scratch/library" "$scratch/benches/runtime"
cp -r "$main/library/yieldc_rt" "$scratch/library/" && rm -rf "$scratch/library/yieldc_rt/target"
# The copy is outside the workspace: inline the inherited package fields.
sed -i 's/^version.workspace = true/version = "0.1.0"/; s/^edition.workspace = true/edition = "2021"/;
        s/^license.workspace = true/license = "MIT OR Apache-2.0"/; s/^rust-version.workspace = true/rust-version = "1.83"/' \
    "$scratch/library/yieldc_rt/Cargo.toml"
cp -r "$here/../Cargo.toml" "$here/../src" "$here/../benches" "$here/../tests" "$scratch/benches/runtime/"
cd "$scratch"
for edit in "$@"; do python3 "$here/$edit"; done
cd benches/runtime
cargo build --release --bin instr 2>&1 | grep -E "^error" -A10 || true
bin=target/release/instr
ir() { valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null $bin "$@" 2>&1 | sed -n 's/.*I *refs: *//p' | tr -d ,; }
for c in "b_nested yieldc_gen" "c_flat_map yieldc_gen" "c_create yieldc_gen" "d_tree yieldc_gen" \
         "e_async yieldc_async_gen" "e_pending yieldc_async_gen"; do
    set -- $c
    items=$($bin list | awk -v g=$1 -v v=$2 '$1==g && $2==v {print ($3>0?$3:$4)}')
    one=$(ir $1 $2 1); three=$(ir $1 $2 3)
    printf '%-8s %-12s %-18s %8.2f\n' "$name" $1 $2 "$(echo "($three - $one) / 2 / $items" | bc -l)"
done
