import 'reflect-metadata';
import { cpSync, existsSync } from 'node:fs';
import { createLogger, startService } from '@govgraph/kit';
import { loadPartyCredentials } from '@govgraph/kit/trust';
import { SUBGRAPH_SERVICES } from '@govgraph/schema';

import { TEMPLATE_DIR_VARIABLE } from './template-dir.js';

/**
 * Seeds every subgraph's demo data once, into `dir`: each service started on it (migrations,
 * then the seed in one transaction, as `npm start` does on an empty folder) and stopped again.
 * The keys that sealed the licences' issuer keys are made in the same folder, so a copy of the
 * whole folder is a graph's data as a fresh start would have left it.
 */
export async function seedTemplateData(dir: string): Promise<void> {
  const keys = { keysDir: `${dir}/keys`, trustDir: `${dir}/trust`, production: false };
  const log = createLogger('test-template', 'silent');
  for (const service of SUBGRAPH_SERVICES) {
    const started = await startService(
      service,
      { name: service.name, port: 0, host: '127.0.0.1', dataDir: dir, databaseUrl: undefined, redisUrl: undefined, redisPrefix: 'govgraph-template:' },
      { party: loadPartyCredentials(service.name, keys), log },
    );
    await started.running.close();
  }
}

/**
 * Copies this run's seeded data folder into `dataDir` (an empty folder) and says whether it did:
 * not when no template was made (a run outside vitest's global setup), so the services seed.
 */
export function copyTemplateData(dataDir: string): boolean {
  const template = process.env[TEMPLATE_DIR_VARIABLE];
  if (!template || !existsSync(template)) return false;
  cpSync(template, dataDir, { recursive: true });
  return true;
}
