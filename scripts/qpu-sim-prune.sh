#!/usr/bin/env bash
# Prunes with `--solver dwave-qpu` against the SAPI simulator (issue 18): starts the simulated
# services (solvers-remote's test StubServer) on 127.0.0.1, runs `qprune prune` on its
# Advantage-sized Pegasus P16 solver (Advantage_sim_p16: 5627 working qubits) at 36 % sparsity,
# then stops the simulator. Usage: scripts/qpu-sim-prune.sh [OUT_DIR] [more prune options...]
# (default OUT_DIR runs/qpu-sim-prune; e.g. --scores FILE, --param embedding=heuristic,
# --param 'service_params={"num_reads": 50}', --set evaluate=true).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="${1:-runs/qpu-sim-prune}"
shift || true
./mvnw -B -q -pl solvers-remote -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/sapi-sim.classpath -Dmdep.includeScope=test >/dev/null
CP="solvers-remote/target/test-classes:solvers-remote/target/classes:$(cat solvers-remote/target/sapi-sim.classpath)"
LOG="$(mktemp)"
java -cp "$CP" io.qprune.solvers.remote.testing.StubServer 0 >"$LOG" 2>&1 &
SIM=$!
trap 'kill "$SIM" 2>/dev/null || true; rm -f "$LOG"' EXIT
for _ in $(seq 1 300); do
  grep -q "^stub services on" "$LOG" && break
  kill -0 "$SIM" 2>/dev/null || { cat "$LOG" >&2; echo "the simulator did not start" >&2; exit 1; }
  sleep 0.1
done
LINE="$(grep "^stub services on" "$LOG")" || { cat "$LOG" >&2; echo "the simulator did not start in 30 s" >&2; exit 1; }
BASE="$(echo "$LINE" | sed -E 's|^stub services on (http://[0-9.:]+) .*|\1|')"
TOKEN_FILE="$(echo "$LINE" | sed -E 's|.*token file (.*)$|\1|')"
echo "SAPI simulator at $BASE/sapi/" >&2
./qprune prune --solver dwave-qpu --param "endpoint=$BASE/sapi/" --param solver=Advantage_sim_p16 \
  --param "token_file=$TOKEN_FILE" --param poll_wait=1 --sparsity 0.36 --set evaluate=false --out "$OUT" "$@"
