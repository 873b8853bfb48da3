#!/usr/bin/env bash
# Runs MockS3 in one JVM on its embedded defaults: S3 on :8080, the rules API on :8085, PostgreSQL and
# Redis started under ./data unless MOCKS3_R2DBC_URL / MOCKS3_REDIS_URL are set. Builds the jar with Maven
# only when it is missing or older than a pom.xml or a file under src/main (MOCKS3_REBUILD=1 forces it).
# Stop it with Ctrl-C or `kill PID`: running requests finish, then PostgreSQL and Redis stop.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=local/target/mocks3-local.jar

# Directories count too: deleting or adding a source file changes its directory's time.
jar_is_stale() {
  [[ ! -f $jar ]] || [[ -n $(find . -path ./.git -prune -o -name target -prune -o \
    \( -name pom.xml -o -path '*/src/main/*' \) -newer "$jar" -print -quit) ]]
}

if [[ ${MOCKS3_REBUILD:-0} == 1 ]] || jar_is_stale; then
  echo "Building $jar ..." >&2
  mvn -B -q -ntp -DskipTests -pl local -am package
  touch "$jar" # Maven may leave an up-to-date jar untouched; it is current now
fi
exec java ${JAVA_OPTS:-} -jar "$jar" "$@"
