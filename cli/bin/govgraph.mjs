#!/usr/bin/env node
// `govgraph` — the package ships the compiled CLI (dist/govgraph.mjs, one file, no dependencies).
// In a govgraph checkout the TypeScript source sits beside this file: run it through tsx with the
// repository's tsconfig instead, so `npx govgraph` works after `npm ci` with no build step.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const source = new URL('../src/govgraph.ts', import.meta.url);
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register({ tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)) });
  await import(source.href);
} else {
  await import('../dist/govgraph.mjs');
}
