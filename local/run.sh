#!/usr/bin/env bash
# Builds MockS3 and runs it in one JVM on its embedded defaults: S3 on :8080, the rules API on
# :8085, PostgreSQL and Redis started under ./data unless MOCKS3_R2DBC_URL / MOCKS3_REDIS_URL are set.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp -DskipTests -pl local -am package
exec java ${JAVA_OPTS:-} -jar local/target/mocks3-local.jar "$@"
