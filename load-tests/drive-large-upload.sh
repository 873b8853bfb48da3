#!/usr/bin/env bash
# A 5 GiB file through the drive's presigned multipart upload, with the server at -Xmx256m: starts its own
# MockS3 (the local runner jar, embedded PostgreSQL and Redis) on a fresh data folder under /tmp, registers
# a user, presigns, sends every part with plain `curl -T` to the presigned URLs, interrupts once half-way
# (a part cut off mid-body), asks which parts S3 holds and sends the rest, calls back, downloads through
# the presigned GET and compares SHA-256 (calling back again while the server answers 300013, "being
# verified"). Reports the callback's durations, the server's peak RSS and
# whether an OutOfMemoryError happened; deletes every file it wrote (the server's log is kept).
#   load-tests/drive-large-upload.sh                 # 5 GiB, -Xmx256m
#   SIZE=$((512*1024*1024)) load-tests/drive-large-upload.sh
# Environment: SIZE (bytes), HEAP (256m), S3_PORT (18480), DRIVE_PORT (18488), PARALLEL (curl uploads at once, 2),
# JAR (local/target/mocks3-local.jar; a copy keeps a build running meanwhile from replacing it under the server).
# Exit code 1 when a step fails, the bytes differ, or the server ran out of memory.
set -euo pipefail
cd "$(dirname "$0")/.."
size=${SIZE:-$((5 * 1024 * 1024 * 1024))}
heap=${HEAP:-256m}
s3_port=${S3_PORT:-18480}
drive_port=${DRIVE_PORT:-18488}
parallel=${PARALLEL:-2}
jar=${JAR:-local/target/mocks3-local.jar}
drive="http://127.0.0.1:$drive_port"

name=drive-large
. load-tests/lib/own-server.sh
start_own_server 'curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$s3_port/health" \
    && curl -s -o /dev/null --max-time 2 "$drive/usercenter/v1/user/info"' \
  --server.port="$s3_port" --mocks3.faults.api-port=0 --mocks3.drive.port="$drive_port" --mocks3.drive.default-quota=1TB

api() {  # method path [json body]; prints the envelope, fails on anything but code 200
  local out
  if [[ $1 == GET ]]; then
    out=$(curl -s --max-time 900 -H "Authorization: $token" "$drive$2")
  else
    out=$(curl -s --max-time 900 -H "Authorization: ${token:-}" -H 'Content-Type: application/json' -d "$3" "$drive$2")
  fi
  [[ $(jq -r .code <<<"$out") == 200 ]] || fail "$1 $2: $out"
  printf '%s' "$out"
}
put_part() {  # part-number url: curl -T of the part's file to its presigned URL
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 600 -T "$work/part.$(printf %05d "$(($1 - 1))")" "$2")
  [[ $code == 200 ]] || { echo "part $1 answered $code" >&2; return 1; }
}
export -f put_part
export work

echo "size: $size bytes; server pid $server, -Xmx$heap, data $data"
token=
mobile="139$(printf %08d $(((RANDOM * 32768 + RANDOM) % 100000000)))"
token=$(api POST /usercenter/v1/user/register "{\"mobile\":\"$mobile\",\"password\":\"large-upload\",\"name\":\"large\"}" \
  | jq -r .data.accessToken)

t=$(now)
sha=$(generate_bytes "$size" | sha256sum | cut -d' ' -f1)
echo "declared SHA-256 $sha (hashed in $(secs "$t" "$(now)") s)"
plan=$(api POST /file/v1/upload/presign "{\"parentId\":0,\"name\":\"large.bin\",\"size\":$size,\"sha256\":\"$sha\"}")
upload_id=$(jq -r .data.uploadId <<<"$plan")
part_size=$(jq -r .data.partSize <<<"$plan")
part_count=$(jq -r .data.partCount <<<"$plan")
[[ $(jq -r .data.multipart <<<"$plan") == true ]] || fail "not a multipart upload"
echo "upload $upload_id: $part_count parts of $part_size bytes"
t=$(now)
generate_bytes "$size" | split -b "$part_size" -d -a 5 - "$work/part."
echo "parts written in $(secs "$t" "$(now)") s"

half=$((part_count / 2))
t=$(now)
jq -r ".data.parts[] | select(.partNumber <= $half) | \"\(.partNumber) \(.url)\"" <<<"$plan" \
  | xargs -P "$parallel" -L 1 bash -c 'put_part "$0" "$1"' || fail "first half of the parts"
# the interruption: the next part is cut off after a second, mid-body
cut=$((half + 1))
curl -s -o /dev/null --limit-rate 1M --max-time 1 -T "$work/part.$(printf %05d "$half")" \
  "$(jq -r ".data.parts[] | select(.partNumber == $cut) | .url" <<<"$plan")" || true
first_half=$(secs "$t" "$(now)")

resume=$(api GET "/file/v1/upload/parts?uploadId=$upload_id")
uploaded=$(jq '.data.uploaded | length' <<<"$resume")
missing=$(jq '.data.parts | length' <<<"$resume")
echo "after the interruption S3 holds $uploaded parts, $missing to send"
[[ $uploaded == "$half" && $missing == $((part_count - half)) ]] || fail "resume lists $uploaded held and $missing missing"
t=$(now)
jq -r '.data.parts[] | "\(.partNumber) \(.url)"' <<<"$resume" \
  | xargs -P "$parallel" -L 1 bash -c 'put_part "$0" "$1"' || fail "second half of the parts"
second_half=$(secs "$t" "$(now)")
rm -f "$work"/part.*
upload_mib_s=$(awk -v s="$size" -v a="$first_half" -v b="$second_half" 'BEGIN { printf "%.0f", s / 1048576 / (a + b) }')

# The callback completes and hashes the object in the background: 300013 (HTTP 202) means "call back again".
t=$(now)
polls=0
while :; do
  done_reply=$(curl -s --max-time 900 -H "Authorization: $token" -H 'Content-Type: application/json' \
    -d "{\"uploadId\":\"$upload_id\"}" "$drive/file/v1/upload/callback")
  polls=$((polls + 1))
  [[ $polls == 1 ]] && first_answer=$(secs "$t" "$(now)")
  [[ $(jq -r .code <<<"$done_reply") == 300013 ]] || break
  sleep 2
done
[[ $(jq -r .code <<<"$done_reply") == 200 ]] || fail "callback: $done_reply"
callback=$(secs "$t" "$(now)")
echo "callback: first answer in $first_answer s, file after $callback s and $polls calls: $(jq -c '.data | {id, name, size, sha256}' <<<"$done_reply")"
file_id=$(jq -r .data.id <<<"$done_reply")
[[ $(jq -r .data.size <<<"$done_reply") == "$size" ]] || fail "the file's size is not $size"

url=$(api GET "/file/v1/file/download?id=$file_id" | jq -r .data.url)
t=$(now)
got=$(curl -sf --max-time 900 "$url" | sha256sum | cut -d' ' -f1)
download=$(secs "$t" "$(now)")
[[ $got == "$sha" ]] || fail "downloaded SHA-256 $got, expected $sha"
echo "downloaded through the presigned GET in $download s, SHA-256 matches"

kill -0 "$server" 2>/dev/null || fail "the server died"
peak_rss=$(peak_rss_mib)
ooms=$(grep -c OutOfMemoryError "$log" || true)
echo
echo "| size | heap | parts | upload MiB/s (curl -T, $parallel at once) | callback: first answer s | callback: file s (calls) | download s | server peak RSS MiB | OutOfMemoryError | load average |"
echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|---|"
echo "| $size | $heap | $part_count | $upload_mib_s | $first_answer | $callback ($polls) | $download | $peak_rss | $ooms | $(cut -d' ' -f1-3 /proc/loadavg) |"
[[ $ooms == 0 ]] || fail "OutOfMemoryError in the server's log"
