#!/usr/bin/env bash
# The soak: starts its own MockS3 (the local runner jar, embedded PostgreSQL and Redis) on a fresh
# data folder, runs the soak runner against it (PostgreSQL is killed halfway unless --kill-db-at is
# given), then stops MockS3. Arguments go to the runner, e.g.:
#   load-tests/soak.sh                                   # 10 minutes, 32 clients, kill at 5 minutes
#   load-tests/soak.sh --duration 2m --concurrency 8 --kill-db-at 1m
# Exit code 1: an acknowledged write was lost, a read saw what was never written, or files were left.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${SOAK_PORT:-18180}
data=$(mktemp -d /tmp/mocks3-soak.XXXXXX)
chmod 755 "$data"  # the embedded PostgreSQL runs as user postgres when started by root
args=("$@")
[[ " ${args[*]} " == *" --duration "* ]] || args+=(--duration 10m)
[[ " ${args[*]} " == *" --concurrency "* ]] || args+=(--concurrency 32)
[[ " ${args[*]} " == *" --kill-db-at "* ]] || args+=(--kill-db-at 5m)

mvn -B -q -ntp -DskipTests -pl local,load-tests -am package
java -Xmx512m -jar local/target/mocks3-local.jar --server.port="$port" --mocks3.faults.api-port=0 \
  --mocks3.storage.data-dir="$data" --mocks3.storage.sweep-interval=30s --mocks3.storage.orphan-grace=10s \
  >"$data.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; echo "MockS3 log: $data.log, data: $data"' EXIT
for _ in $(seq 120); do
  curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$port/health" && break
  kill -0 $server 2>/dev/null || { echo "soak.sh: MockS3 did not start, see $data.log" >&2; exit 2; }
  sleep 1
done
java -Xmx512m -cp load-tests/target/classes dev.mocks3.loadtests.soak.SoakRunner \
  --url "http://127.0.0.1:$port" --data-dir "$data" "${args[@]}"
