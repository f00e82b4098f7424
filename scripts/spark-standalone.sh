#!/usr/bin/env bash
# A Spark standalone cluster on this machine from qprune's own jars (no Spark download): a master
# and N workers as background JVMs on 127.0.0.1, for trying `--cluster spark://...` end to end.
#   scripts/spark-standalone.sh start [WORKERS=2] [CORES_PER_WORKER=1] [MEMORY_PER_WORKER=1g]
#   scripts/spark-standalone.sh stop
# On real machines use a Spark 3.5 (Scala 2.13) distribution's sbin/start-master.sh and start-worker.sh.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="${QPRUNE_SPARK_DIR:-$ROOT/runs/spark-standalone}"
LIB="$ROOT/bench/target/lib"
PORT="${QPRUNE_SPARK_PORT:-7077}"

opens() {
  local o="-XX:+IgnoreUnrecognizedVMOptions -Dio.netty.tryReflectionSetAccessible=true"
  for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
      java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
    o="$o --add-opens=java.base/$p=ALL-UNNAMED"
  done
  echo "$o"
}

start() {
  local workers="${1:-2}" cores="${2:-1}" memory="${3:-1g}"
  [ -d "$LIB" ] || { echo "no $LIB: run ./qprune once to build it" >&2; exit 2; }
  [ -f "$STATE/pids" ] && { echo "already running (pids in $STATE/pids); stop it first" >&2; exit 2; }
  mkdir -p "$STATE/home/jars" "$STATE/home/conf"
  echo "qprune's Spark jars" > "$STATE/home/RELEASE"
  ln -sf "$LIB"/*.jar "$STATE/home/jars/"
  local cp; cp="$(ls "$LIB"/*.jar | tr '\n' ':')"
  export SPARK_HOME="$STATE/home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1 OMP_NUM_THREADS=1
  # shellcheck disable=SC2046
  nohup java -Xmx256m $(opens) -cp "$cp" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$PORT" \
      --webui-port 0 >"$STATE/master.log" 2>&1 &
  echo $! >"$STATE/pids"
  for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break; sleep 0.3; done
  for i in $(seq "$workers"); do
    mkdir -p "$STATE/work$i"
    # shellcheck disable=SC2046
    nohup java -Xmx256m $(opens) -cp "$cp" org.apache.spark.deploy.worker.Worker "spark://127.0.0.1:$PORT" \
        --host 127.0.0.1 --cores "$cores" --memory "$memory" --webui-port 0 --work-dir "$STATE/work$i" \
        >"$STATE/worker$i.log" 2>&1 &
    echo $! >>"$STATE/pids"
  done
  echo "spark://127.0.0.1:$PORT: master and $workers workers ($cores core(s), $memory each); logs in $STATE"
}

stop() {
  [ -f "$STATE/pids" ] || { echo "not running" >&2; exit 0; }
  while read -r pid; do
    pkill -P "$pid" 2>/dev/null || true   # the executors a worker started
    kill "$pid" 2>/dev/null || true
  done <"$STATE/pids"
  rm -f "$STATE/pids"
  echo "stopped"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) stop ;;
  *) echo "usage: $0 start [WORKERS] [CORES] [MEMORY] | stop" >&2; exit 2 ;;
esac
