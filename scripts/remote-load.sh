#!/usr/bin/env bash
# The remote layer's load test on loopback (issue 16): bqm-http against a sampler that closes every
# connection and against a keep-alive one. Usage: scripts/remote-load.sh [OUT_DIR] (default runs/remote-load).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
./mvnw -B -q -pl solvers-remote -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/remote-load.classpath -Dmdep.includeScope=test >/dev/null
CP="solvers-remote/target/test-classes:solvers-remote/target/classes:$(cat solvers-remote/target/remote-load.classpath)"
exec java -cp "$CP" io.qprune.solvers.remote.testing.RemoteLoad "${1:-runs/remote-load}"
