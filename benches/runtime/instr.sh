#!/usr/bin/env bash
# Instruction counts per item (deterministic, unlike time on this VM), under valgrind:
# Ir(3 runs) - Ir(1 run), halved, divided by items (or generators for c_create).
#   ./instr.sh [BINARY]   (default: target/release/instr; build with `cargo build --release`)
set -euo pipefail
bin=${1:-target/release/instr}
ir() {
    valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null "$bin" "$@" 2>&1 \
        | sed -n 's/.*I *refs: *//p' | tr -d ,
}
printf '%-12s %-24s %14s %10s\n' workload variant instr/run instr/item
"$bin" list | while read -r group variant items gens; do
    one=$(ir "$group" "$variant" 1)
    three=$(ir "$group" "$variant" 3)
    per_run=$(( (three - one) / 2 ))
    denom=$items; [ "$denom" -eq 0 ] && denom=$gens
    printf '%-12s %-24s %14d %10.2f\n' "$group" "$variant" "$per_run" "$(echo "$per_run / $denom" | bc -l)"
done
