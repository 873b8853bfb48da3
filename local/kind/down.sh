#!/usr/bin/env bash
# Deletes the kind cluster made by up.sh, or with --keep-cluster only MockS3's objects.
# NOT RUN where it was written (no Docker engine there): checked with `bash -n` only.
set -euo pipefail

CLUSTER=${KIND_CLUSTER:-mocks3}
root=$(cd "$(dirname "$0")/../.." && pwd)

case "${1:-}" in
  --keep-cluster)
    kubectl --context "kind-$CLUSTER" delete -k "$root/knative/overlays/kind" --ignore-not-found
    ;;
  "")
    kind delete cluster --name "$CLUSTER"
    ;;
  *)
    echo "down.sh: unknown argument $1 (only --keep-cluster)" >&2
    exit 2
    ;;
esac
