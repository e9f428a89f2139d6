#!/bin/sh
# Prints the Secrets and the trust-list ConfigMap the manifests expect, for `kubectl apply -f -`.
# Nothing of it is ever committed. Run it where the keys were made (docs/deployment.md):
#
#   export NAMESPACE=govgraph KEYS=./keys         # KEYS: private/<party>/ and trust/ from `govgraph keys init`
#   export CATALOG_DATABASE_URL=postgres://catalog:…@db:5432/catalog IDENTITY_DATABASE_URL=… \
#          LICENCES_DATABASE_URL=… APPLICATIONS_DATABASE_URL=… DISCLOSURE_DATABASE_URL=… \
#          CONSULTATION_DATABASE_URL=… REDIS_URL=redis://:…@redis:6379
#   deploy/k8s/make-secrets.sh | kubectl apply -f -
#
# One Secret per party (its signing-keys.json and seal.key: only that party's pods mount it), one
# database URL per department, the Redis URL, and govgraph-trust (every party's public key file).
# Values go through files and standard input, never through command-line arguments.
set -eu
: "${NAMESPACE:?set NAMESPACE}"
: "${KEYS:?set KEYS to the folder holding private/<party>/ and trust/}"
PARTIES="gateway catalog identity licences applications disclosure consultation"
DEPARTMENTS="catalog identity licences applications disclosure consultation"

for party in $PARTIES; do
  for file in signing-keys.json seal.key; do
    [ -f "$KEYS/private/$party/$file" ] || { echo "make-secrets: no $KEYS/private/$party/$file (govgraph keys init $party)" >&2; exit 1; }
  done
  echo "---"
  kubectl create secret generic "govgraph-keys-$party" --namespace "$NAMESPACE" \
    --from-file="signing-keys.json=$KEYS/private/$party/signing-keys.json" \
    --from-file="seal.key=$KEYS/private/$party/seal.key" \
    --dry-run=client --output yaml
done

for party in $PARTIES; do
  [ -f "$KEYS/trust/$party.json" ] || { echo "make-secrets: no public key $KEYS/trust/$party.json" >&2; exit 1; }
done
echo "---"
kubectl create configmap govgraph-trust --namespace "$NAMESPACE" --from-file="$KEYS/trust" --dry-run=client --output yaml

secret_from_variable() { # name variable
  value="$(printenv "$2")" || { echo "make-secrets: set $2" >&2; exit 1; }
  echo "---"
  printf '%s' "$value" | kubectl create secret generic "$1" --namespace "$NAMESPACE" \
    --from-file=url=/dev/stdin --dry-run=client --output yaml
}
for department in $DEPARTMENTS; do
  secret_from_variable "govgraph-database-$department" "$(echo "$department" | tr '[:lower:]' '[:upper:]')_DATABASE_URL"
done
secret_from_variable govgraph-redis REDIS_URL
