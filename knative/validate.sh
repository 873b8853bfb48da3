#!/usr/bin/env bash
# Checks what can be checked without a cluster: every YAML file under knative/ and
# gateway-config/ parses, and both overlays build with kustomize (kubectl's built-in one).
# It does not validate against the Knative or Gateway API schemas: that needs their CRDs.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

python3 - <<'PY'
import pathlib, sys, yaml
bad = 0
files = sorted(p for d in ("knative", "gateway-config") for p in pathlib.Path(d).rglob("*.yaml"))
for path in files:
    try:
        list(yaml.safe_load_all(path.read_text()))
    except yaml.YAMLError as e:
        bad += 1
        print(f"{path}: {e}", file=sys.stderr)
print(f"parsed {len(files)} YAML files, {bad} failed")
sys.exit(1 if bad else 0)
PY

if command -v kubectl >/dev/null 2>&1; then
  for overlay in knative/overlays/kind knative/overlays/production; do
    count=$(kubectl kustomize "$overlay" | grep -c '^kind: ')
    echo "kubectl kustomize $overlay: $count objects"
  done
else
  echo "kubectl not found: overlays not built" >&2
fi
