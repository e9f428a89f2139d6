#!/usr/bin/env node
// Copies the committed supergraph and data-sharing policy into the kustomize base, whose
// configMapGenerator makes the gateways' `govgraph-schema` ConfigMap from them (kustomize reads
// no file outside its folder). Run after `npm run compose` changes schema/supergraph.graphql;
// test/e2e/deploy-manifests.e2e.ts fails while the copies differ. `--check` only compares.
import { copyFileSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const check = process.argv.includes('--check');
let stale = 0;
for (const file of ['supergraph.graphql', 'data-policy.json']) {
  const source = `${root}schema/${file}`;
  const copy = `${root}deploy/k8s/base/schema/${file}`;
  let same = false;
  try {
    same = readFileSync(source, 'utf8') === readFileSync(copy, 'utf8');
  } catch {
    same = false;
  }
  if (same) continue;
  stale++;
  if (check) {
    console.error(`deploy/k8s/base/schema/${file} differs from schema/${file}`);
  } else {
    copyFileSync(source, copy);
    console.log(`copied schema/${file} to deploy/k8s/base/schema/${file}`);
  }
}
process.exitCode = check && stale > 0 ? 1 : 0;
