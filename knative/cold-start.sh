#!/usr/bin/env bash
# Cold start as Knative pays it when it scales a service from zero: milliseconds from launching the
# app's executable jar to the first answered S3 request, for one function against the whole app.
# Usage: knative/cold-start.sh JAR [RUNS]   (JAVA_HOME picks the JVM; PostgreSQL and Redis on 127.0.0.1)
set -euo pipefail
jar=${1:?usage: cold-start.sh JAR [RUNS]}
runs=${2:-5}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
db=mocks3_coldstart
port=18080
data=$(mktemp -d)
psql -h 127.0.0.1 -U postgres -qtAc "select 1 from pg_database where datname='$db'" | grep -q 1 \
  || createdb -h 127.0.0.1 -U postgres "$db"
settings=(--server.port=$port --mocks3.faults.api-port=-1 --mocks3.storage.data-dir="$data"
  --spring.r2dbc.url=r2dbc:postgresql://127.0.0.1:5432/$db --spring.flyway.url=jdbc:postgresql://127.0.0.1:5432/$db
  --mocks3.redis.address=redis://127.0.0.1:6379)

# "wall/cpu": ms from launch until PUT /coldstart/k answers 200 (the bucket exists: the first run
# creates it), and the CPU ms the JVM used until then (what a busy node does not inflate)
first_put_ms() {
  local start pid ms cpu
  start=$(date +%s%N)
  "$java" -jar "$jar" "${settings[@]}" "$@" >"$data/log" 2>&1 &
  pid=$!
  until [ "$(curl -s -m 2 -o /dev/null -w '%{http_code}' -X PUT --data-binary x "http://127.0.0.1:$port/coldstart/k")" = 200 ]; do
    kill -0 $pid 2>/dev/null || { cat "$data/log" >&2; exit 1; }
    sleep 0.02
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' /proc/$pid/stat)
  kill $pid && wait $pid 2>/dev/null || true
  echo "$ms/$cpu"
}

# migrate the database and create the bucket once, outside the measured runs
"$java" -jar "$jar" "${settings[@]}" >"$data/log" 2>&1 &
pid=$!
until curl -s -o /dev/null -X PUT "http://127.0.0.1:$port/coldstart"; do sleep 0.2; done
kill $pid && wait $pid 2>/dev/null || true

# whole app and putObject alternate, so a busy machine weighs on both alike
declare -A times
for _ in $(seq "$runs"); do
  times[whole-app]+="$(first_put_ms) "
  times[putObject]+="$(first_put_ms --spring.cloud.function.definition=putObject) "
done
version=$("$java" -version 2>&1 | head -1 | cut -d'"' -f2)
for name in whole-app putObject; do
  wall=$(printf '%s\n' ${times[$name]} | cut -d/ -f1 | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  cpu=$(printf '%s\n' ${times[$name]} | cut -d/ -f2 | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  echo "java $version $name: wall/cpu ms ${times[$name]}; median wall $wall ms, cpu $cpu ms"
done
rm -rf "$data"
