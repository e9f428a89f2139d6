#!/usr/bin/env node
// `npm run migrate [-- <department>...]`: applies each department's pending database migrations
// (all departments of subgraphs/registry.json by default) and exits — for deployments that migrate
// before rolling out, then start the services with MIGRATE_ON_START=false. Each database is the one
// its service opens: PostgreSQL at <NAME>_DATABASE_URL, else <DATA_DIR>/<name>.sqlite (./data).
// Runs the compiled departments (npm run build first), with plain node.
import 'reflect-metadata';
import { registeredSubgraphs, useCompiledOutput } from './compiled/use-compiled.mjs';

const registry = registeredSubgraphs();
const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !registry.some((s) => s.name === name));
if (unknown.length > 0) {
  console.error(`migrate: no department named ${unknown.join(', ')} in subgraphs/registry.json (${registry.map((s) => s.name).join(', ')})`);
  process.exit(2);
}
useCompiledOutput('migrate');
const kit = await import('@govgraph/kit');

/** `housing-fund` → `housingFundService`, the export every department package has (schema/src/subgraph-services.ts). */
const exportName = (name) => `${name.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase())}Service`;

for (const entry of asked.length > 0 ? registry.filter((s) => asked.includes(s.name)) : registry) {
  try {
    const service = (await import(entry.package))[exportName(entry.name)];
    if (!service?.migrations) throw new Error(`${entry.package} exports no ${exportName(entry.name)} with migrations`);
    const { applied, location } = await kit.migrateServiceDatabase(service, kit.subgraphConfig(entry.name));
    console.log(`${entry.name}: ${applied.length > 0 ? `applied ${applied.join(', ')}` : 'up to date'} (${location})`);
  } catch (error) {
    console.error(`migrate: ${entry.name} failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
    break;
  }
}
