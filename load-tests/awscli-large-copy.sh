#!/usr/bin/env bash
# `aws s3 cp` of a large file (2 GiB by default) both ways with the server at -Xmx256m: starts its own
# MockS3 (the local runner jar, embedded PostgreSQL and Redis) on a fresh data folder under /tmp, uploads
# with the AWS CLI (which splits the file into multipart parts sent in parallel), downloads it again (ranged
# GETs in parallel), compares SHA-256 and reports the times, the server's peak RSS and whether an
# OutOfMemoryError happened. Deletes every file it wrote (the server's log is kept).
#   load-tests/awscli-large-copy.sh                       # 2 GiB, -Xmx256m
#   SIZE=$((512*1024*1024)) load-tests/awscli-large-copy.sh
# Environment: SIZE (bytes), HEAP (256m), S3_PORT (18580), JAR (local/target/mocks3-local.jar).
# Needs the AWS CLI (Debian `awscli`). Exit code 1 when a step fails, the bytes differ, or the server ran
# out of memory.
set -euo pipefail
cd "$(dirname "$0")/.."
size=${SIZE:-$((2 * 1024 * 1024 * 1024))}
heap=${HEAP:-256m}
s3_port=${S3_PORT:-18580}
jar=${JAR:-local/target/mocks3-local.jar}
endpoint="http://127.0.0.1:$s3_port"

command -v aws >/dev/null || { echo "the AWS CLI is needed (apt-get install awscli)" >&2; exit 2; }
name=awscli-large
. load-tests/lib/own-server.sh
start_own_server 'curl -fs -o /dev/null --max-time 2 "$endpoint/_mocks3/health"' \
  --server.port="$s3_port" --mocks3.faults.api-port=0 --mocks3.drive.port=0

export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1
s3() { aws --endpoint-url "$endpoint" s3 "$@"; }

echo "size: $size bytes; server pid $server, -Xmx$heap, data $data"
generate_bytes "$size" >"$work/up.bin"
sha=$(sha256sum "$work/up.bin" | cut -d' ' -f1)
s3 mb s3://large-copy >/dev/null || fail "mb"

t=$(now)
s3 cp --only-show-errors "$work/up.bin" s3://large-copy/large.bin || fail "upload"
upload=$(secs "$t" "$(now)")
etag=$(aws --endpoint-url "$endpoint" s3api head-object --bucket large-copy --key large.bin --query ETag --output text)
rm "$work/up.bin"

t=$(now)
s3 cp --only-show-errors s3://large-copy/large.bin "$work/down.bin" || fail "download"
download=$(secs "$t" "$(now)")
[[ $(sha256sum "$work/down.bin" | cut -d' ' -f1) == "$sha" ]] || fail "the downloaded bytes differ"

peak_rss=$(peak_rss_mib)
ooms=$(grep -c OutOfMemoryError "$log" || true)
mib=$((size / 1024 / 1024))
echo
echo "| size MiB | heap | ETag | upload s (MiB/s) | download s (MiB/s) | SHA-256 equal | server peak RSS MiB | OutOfMemoryError | load average |"
echo "|---:|---|---|---:|---:|---|---:|---:|---|"
echo "| $mib | $heap | $etag | $upload ($(awk -v m="$mib" -v s="$upload" 'BEGIN { printf "%.0f", m / s }')) |" \
  "$download ($(awk -v m="$mib" -v s="$download" 'BEGIN { printf "%.0f", m / s }')) | yes | $peak_rss | $ooms |" \
  "$(cut -d' ' -f1-3 /proc/loadavg) |"
[[ $ooms == 0 ]] || fail "OutOfMemoryError in the server's log"
