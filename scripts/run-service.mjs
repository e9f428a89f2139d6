#!/usr/bin/env node
// Production entry: `node scripts/run-service.mjs <service>` runs one service compiled by
// `npm run build` with plain node — no tsx, no TypeScript at run time. <service> is `gateway` or a
// department of subgraphs/registry.json. Configuration is the service's environment, as for
// `npm start` (docs/security.md for keys in production; <NAME>_MIGRATE_ON_START=false after
// `npm run migrate`). The process is the service: signals stop it gracefully, its exit code is its own.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, registeredSubgraphs, useCompiledOutput } from './compiled/use-compiled.mjs';

const name = process.argv[2];
const services = [...registeredSubgraphs().map((s) => ({ name: s.name, dir: s.dir })), { name: 'gateway', dir: 'gateway' }];
const service = services.find((s) => s.name === name);
if (!service || process.argv.length > 3) {
  console.error(`usage: node scripts/run-service.mjs <${services.map((s) => s.name).join('|')}>${name && !service ? ` (no service named ${JSON.stringify(name)})` : ''}`);
  process.exit(2);
}
const entry = join(ROOT, service.dir, 'dist/index.js');
if (!existsSync(entry)) {
  console.error(`run-service: ${service.dir}/dist/index.js is missing: run npm run build first`);
  process.exit(1);
}
useCompiledOutput('run-service');
await import(pathToFileURL(entry).href);
