#!/usr/bin/env bash
# Issue 17: the price of a latency cap at one FLOPs budget. For each seed and cap, the hybrid QUBO
# pruned to the FLOPs budget with the latency cap (cap 1 = none), exported; then every exported file
# is timed beside the unpruned network exported the same way (one interleaved loop, 256², 1 thread),
# three times. The latency fit is the cached one (./qprune bench latency --fit measures it).
# Usage: scripts/issue17-latency-caps.sh FLOPS "CAPS" SEEDS... (e.g. 0.5 "1 0.6 0.58 0.55 0.52" 1 2 3)
# Outputs in runs/latency-caps-FLOPS/: per run prune/ (report.json: test PSNR, predicted latency),
# the .qpm files, and time-R/latency.csv (R = 1..3).
set -euo pipefail
cd "$(dirname "$0")/.."
flops=$1; caps=$2; shift 2
out=runs/latency-caps-$flops
mkdir -p "$out"
printf '1%.0s' $(seq 1 192) > "$out/all-ones.txt"
./qprune export --mask "$out/all-ones.txt" --out "$out/full.qpm" > "$out/export-full.log" 2>&1
slims=(--slim "$out/full.qpm")
for s in "$@"; do
  for c in $caps; do
    name=s$s-cap$c
    cap=(); [ "$c" != 1 ] && cap=(--latency "$c")
    ./qprune prune --flops "$flops" "${cap[@]}" --seed "$s" --threads 1 --out "$out/$name" > "$out/$name.log" 2>&1
    ./qprune export --mask "$out/$name/mask.json" --out "$out/$name.qpm" > "$out/export-$name.log" 2>&1
    grep -E "hybrid:|latency \(|test: PSNR" "$out/$name.log" | sed "s/^/$name: /"
    slims+=(--slim "$out/$name.qpm")
  done
done
for r in 1 2 3; do
  ./qprune bench latency "${slims[@]}" --random 0 --repeats 21 --sizes 256 --threads 1 --fit \
      --out "$out/time-$r" > "$out/time-$r.log" 2>&1
  grep "^slim" "$out/time-$r.log"
done
