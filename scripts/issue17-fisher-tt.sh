#!/usr/bin/env bash
# Issue 17: does the budget-keeping TT stage help a greedy-Fisher mask as much as the hybrid's?
# For each seed: the hybrid mask at the FLOPs budget (its qubo.json guides the refinement's budget
# repair and nothing else), the greedy-Fisher mask at the same budget, then the Fisher mask refined
# by TT on all layers with the bench's settings (500 evaluations, 16 validation crops).
# Usage: scripts/issue17-fisher-tt.sh LEVEL SEEDS... (e.g. 0.7 1 2 3); outputs in runs/fisher-tt-LEVEL/.
set -euo pipefail
cd "$(dirname "$0")/.."
level=$1; shift
out=runs/fisher-tt-$level
mkdir -p "$out"
for s in "$@"; do
  ./qprune prune --flops "$level" --seed "$s" --out "$out/hybrid-s$s" > "$out/hybrid-s$s.log" 2>&1
  ./qprune prune --flops "$level" --method fisher --seed "$s" --out "$out/fisher-s$s" > "$out/fisher-s$s.log" 2>&1
  ./qprune refine --flops "$level" --mask "$out/fisher-s$s/mask.json" --qubo "$out/hybrid-s$s/qubo.json" \
      --layers all --budget 500 --seed "$s" --no-progress --out "$out/fisher-tt-s$s" > "$out/fisher-tt-s$s.log" 2>&1
  tail -3 "$out/fisher-tt-s$s.log"
done
