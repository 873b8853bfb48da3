#!/usr/bin/env bash
# Builds the k6-free load runner and measures a MockS3 that is already running on this machine
# (default http://localhost:8080; start the local runner first, see README.md at the top level).
# Arguments go to the runner, e.g.:
#   load-tests/run.sh                                   # both scenarios, 16 and 64 clients, 30 s each, 1 GiB
#   load-tests/run.sh --scenario put-get-4k --duration 10s
#   load-tests/run.sh --scenario large-object --size 256MiB
# The runner refuses any address that is not loopback and stops by itself; exit code 1 means a
# request failed or the large object came back altered.
set -euo pipefail
cd "$(dirname "$0")/.."
url=${MOCKS3_URL:-http://localhost:8080}

if command -v curl >/dev/null 2>&1 && ! curl -fsS -o /dev/null --max-time 5 "$url/health"; then
  echo "run.sh: no MockS3 answers on $url/health; start the local runner first (see README.md)" >&2
  exit 2
fi

mvn -B -q -ntp -pl load-tests -am compile
# a small heap on purpose: the 1 GiB object must stream through the runner, not sit in it
exec java -Xmx256m -cp load-tests/target/classes dev.mocks3.loadtests.S3LoadRunner --url "$url" "$@"
