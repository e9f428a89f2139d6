import { subgraphConfig, type SubgraphConfig } from './config.js';
import { openDatabase, type Database } from './db/index.js';
import { createLogger, type Logger } from './logger.js';
import { loadServiceParty, prepareDatabase, type SubgraphService } from './service.js';
import type { PartyCredentials } from './trust/key-locations.js';

export interface MaintenanceContext {
  config: SubgraphConfig;
  /** The department's own keys: its sealing secret opens the private keys it keeps in its database. */
  party: PartyCredentials;
  log: Logger;
}

/**
 * For maintenance commands (seed at scale, key rotation): the subgraph's database as `npm start`
 * would open it from the environment, migrated and seeded, closed afterwards.
 */
export async function withServiceDatabase<Schema, T>(
  service: SubgraphService<Schema>,
  work: (database: Database<Schema>, context: MaintenanceContext) => Promise<T>,
): Promise<T> {
  const config = subgraphConfig(service.name);
  const log = createLogger(service.name, process.env.LOG_LEVEL ?? 'warn');
  const party = loadServiceParty(service.name, config);
  const database = openDatabase<Schema>({ name: service.name, dataDir: config.dataDir, url: config.databaseUrl });
  try {
    await prepareDatabase(service, database, log, { sealingSecret: party.keys.sealingSecret });
    return await work(database, { config, party, log });
  } finally {
    await database.close();
  }
}
