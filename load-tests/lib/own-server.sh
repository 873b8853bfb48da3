# Sourced by the large-transfer scripts: starts a MockS3 of their own (the local runner jar, embedded
# PostgreSQL and Redis) on a fresh data folder under /tmp, stops it and deletes every file on exit (the
# server's log is kept), and gives the small helpers both scripts use.
# Before sourcing: jar, heap, and a name (the /tmp prefix). start_own_server <health-url> <java args...>
# sets: data, work, log, server.

fail() { echo "FAILED: $*" >&2; exit 1; }
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
# size bytes of deterministic content, as fast as the CPU encrypts: AES-128-CTR of zeros under a fixed key
generate_bytes() {
  { openssl enc -aes-128-ctr -nosalt -K 000102030405060708090a0b0c0d0e0f -iv 0 </dev/zero 2>/dev/null || true; } \
    | head -c "$1"
}
stop_own_server() {
  kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  rm -rf "$work" "$data"
  echo "server log: $log"
}
# start_own_server <ready-check command> <extra java arguments...>
start_own_server() {
  local ready=$1
  shift
  [[ -f $jar ]] || mvn -B -q -ntp -DskipTests -pl local -am package
  data=$(mktemp -d "/tmp/$name-data.XXXXXX")
  chmod 755 "$data"  # the embedded PostgreSQL runs as user postgres when started by root
  work=$(mktemp -d "/tmp/$name-work.XXXXXX")
  log="$data.log"
  java -Xmx"$heap" -jar "$jar" "$@" --mocks3.storage.data-dir="$data" >"$log" 2>&1 &
  server=$!
  trap stop_own_server EXIT
  for _ in $(seq 180); do
    eval "$ready" && return 0
    kill -0 "$server" 2>/dev/null || { echo "MockS3 did not start, see $log" >&2; exit 2; }
    sleep 1
  done
  echo "MockS3 was not ready after 180 s, see $log" >&2
  exit 2
}
peak_rss_mib() { awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$server/status"; }
