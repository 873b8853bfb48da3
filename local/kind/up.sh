#!/usr/bin/env bash
# Brings up MockS3 on a local kind cluster: Knative Serving (Kourier ingress), Knative Eventing
# (in-memory channel broker), Envoy Gateway for the Gateway API routes, then the image
# kind.local/mocks3-app:dev and knative/overlays/kind.
#
# Needs docker, kind, kubectl, java and mvn, and internet access for the release manifests and
# container images. NOT RUN where it was written (no Docker engine, no internet there): it was
# checked with `bash -n` only. Re-running it is safe; each step skips what is already in place.
#
#   local/kind/up.sh            # everything
#   local/kind/up.sh --no-build # reuse the image already loaded into the cluster
#   local/kind/down.sh          # delete the cluster
set -euo pipefail

CLUSTER=${KIND_CLUSTER:-mocks3}
KNATIVE_VERSION=${KNATIVE_VERSION:-1.21.0}            # Serving, Eventing and net-kourier release together
ENVOY_GATEWAY_VERSION=${ENVOY_GATEWAY_VERSION:-v1.8.2}
IMAGE=kind.local/mocks3-app:dev                        # the name knative/overlays/kind expects
TIMEOUT=${KIND_WAIT_TIMEOUT:-600s}

root=$(cd "$(dirname "$0")/../.." && pwd)
build=true
for arg in "$@"; do
  case "$arg" in
    --no-build) build=false ;;
    *) echo "up.sh: unknown argument $arg" >&2; exit 2 ;;
  esac
done

say() { printf '\n== %s\n' "$*"; }

for tool in docker kind kubectl; do
  command -v "$tool" >/dev/null || { echo "up.sh: $tool is not installed" >&2; exit 1; }
done
if $build; then
  for tool in java mvn; do
    command -v "$tool" >/dev/null || { echo "up.sh: $tool is not installed (or use --no-build)" >&2; exit 1; }
  done
fi

say "kind cluster $CLUSTER"
if ! kind get clusters | grep -qx "$CLUSTER"; then
  kind create cluster --name "$CLUSTER" --wait 120s
fi
kubectl config use-context "kind-$CLUSTER" >/dev/null

wait_available() { # namespace
  kubectl wait deployment --all --for=condition=Available -n "$1" --timeout="$TIMEOUT"
}

say "Knative Serving $KNATIVE_VERSION with Kourier"
serving=https://github.com/knative/serving/releases/download/knative-v$KNATIVE_VERSION
kubectl apply -f "$serving/serving-crds.yaml"
kubectl wait --for=condition=Established crd/services.serving.knative.dev --timeout=60s
kubectl apply -f "$serving/serving-core.yaml"
kubectl apply -f "https://github.com/knative/net-kourier/releases/download/knative-v$KNATIVE_VERSION/kourier.yaml"
kubectl patch configmap/config-network -n knative-serving --type merge \
  -p '{"data":{"ingress-class":"kourier.ingress.networking.knative.dev"}}'
# the shared blob volume of the kind overlay, and services that start no pod until asked
kubectl patch configmap/config-features -n knative-serving --type merge \
  -p '{"data":{"kubernetes.podspec-persistent-volume-claim":"enabled","kubernetes.podspec-persistent-volume-write":"enabled"}}'
kubectl patch configmap/config-autoscaler -n knative-serving --type merge \
  -p '{"data":{"allow-zero-initial-scale":"true"}}'
wait_available knative-serving
wait_available kourier-system

say "Knative Eventing $KNATIVE_VERSION with the in-memory channel broker"
eventing=https://github.com/knative/eventing/releases/download/knative-v$KNATIVE_VERSION
kubectl apply -f "$eventing/eventing-crds.yaml"
kubectl wait --for=condition=Established crd/brokers.eventing.knative.dev --timeout=60s
kubectl apply -f "$eventing/eventing-core.yaml"
kubectl apply -f "$eventing/in-memory-channel.yaml"
kubectl apply -f "$eventing/mt-channel-broker.yaml"
wait_available knative-eventing

say "Envoy Gateway $ENVOY_GATEWAY_VERSION (Gateway API)"
kubectl apply --server-side --force-conflicts \
  -f "https://github.com/envoyproxy/gateway/releases/download/$ENVOY_GATEWAY_VERSION/install.yaml"
wait_available envoy-gateway-system
# gateway-config/gateway.yaml asks for the class "mocks3"
kubectl apply -f - <<'YAML'
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata:
  name: mocks3
spec:
  controllerName: gateway.envoyproxy.io/gatewayclass-controller
YAML

if $build; then
  say "image $IMAGE"
  # the deployable application's executable jar (no embedded PostgreSQL or Redis in it)
  (cd "$root" && mvn -B -q -ntp -pl functions/app -am package -DskipTests)
  jars=("$root"/functions/app/target/mocks3-app-*-exec.jar)
  jar=${jars[0]}
  # read the whole listing first: grep -q closing the pipe early would fail it under pipefail
  if [ ! -f "$jar" ] || ! grep -q '^BOOT-INF/' <<<"$(jar tf "$jar")"; then
    echo "up.sh: $jar is missing or not an executable Spring Boot jar" >&2
    exit 1
  fi
  context=$(mktemp -d)
  trap 'rm -rf "$context"' EXIT
  cp "$jar" "$context/mocks3.jar"
  docker build -t "$IMAGE" -f "$root/local/kind/Dockerfile" "$context"
  kind load docker-image "$IMAGE" --name "$CLUSTER"
fi

say "MockS3 (knative/overlays/kind)"
# The drive's token key: one random Secret for every drive pod, made once per cluster (a re-run keeps
# it, so tokens stay valid); never in the repository.
kubectl create namespace mocks3 --dry-run=client -o yaml | kubectl apply -f -
kubectl -n mocks3 get secret mocks3-drive >/dev/null 2>&1 || kubectl -n mocks3 create secret generic mocks3-drive \
  --from-literal=MOCKS3_DRIVE_JWT_SECRET="$(head -c 48 /dev/urandom | base64 -w0)"
kubectl apply -k "$root/knative/overlays/kind"
kubectl wait deployment/postgres deployment/redis -n mocks3 --for=condition=Available --timeout="$TIMEOUT"
kubectl wait ksvc --all -n mocks3 --for=condition=Ready --timeout="$TIMEOUT"
kubectl wait gateway/mocks3 -n mocks3 --for=condition=Accepted --timeout=120s

envoy=$(kubectl get service -n envoy-gateway-system -o name \
  -l gateway.envoyproxy.io/owning-gateway-namespace=mocks3,gateway.envoyproxy.io/owning-gateway-name=mocks3)

cat <<MSG

MockS3 is deployed: $(kubectl get ksvc -n mocks3 --no-headers | wc -l) Knative services, all scaled to zero.
Reach the S3 gateway on this machine (leave it running in another terminal):

  kubectl -n envoy-gateway-system port-forward $envoy 8080:80

then, exactly as with the local runner (the first request to each operation starts its pod):

  curl -X PUT http://localhost:8080/test-bucket/
  curl -X PUT http://localhost:8080/test-bucket/test.txt -H 'Content-Type: text/plain' -d 'Hello MockS3!'
  curl http://test-bucket.localhost:8080/test.txt
  curl http://faults.localhost:8080/api/v1/rules
  load-tests/run.sh --scenario put-get-4k --duration 10s

Remove it all with local/kind/down.sh.
MSG
