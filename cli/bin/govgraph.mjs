#!/usr/bin/env node
// `npx govgraph …` — runs the TypeScript CLI through tsx with the repository's tsconfig, as the
// package scripts do (`tsx --tsconfig ../tsconfig.json`), from any directory.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)) });
await import('../src/cli/govgraph.ts');
