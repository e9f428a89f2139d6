import { subgraphConfig, type SubgraphConfig } from './config.js';
import { openDatabase, type Database } from './db/index.js';
import { createLogger, type Logger } from './logger.js';
import { loadServiceParty, prepareDatabase, type SubgraphService } from './service.js';
import { departmentSharedState, type SharedStateClients } from './shared-state.js';
import type { PartyCredentials } from './trust/key-locations.js';

export interface MaintenanceContext extends SharedStateClients {
  config: SubgraphConfig;
  /** The department's own keys: its sealing secret opens the private keys it keeps in its database. */
  party: PartyCredentials;
  log: Logger;
}

/**
 * For maintenance commands (seed at scale, key rotation): the subgraph's database as `npm start`
 * would open it from the environment, migrated and seeded, and the event bus and rate limiter
 * when the command reads them (the catalog's seed announces on the bus); all closed afterwards.
 */
export async function withServiceDatabase<Schema, T>(service: SubgraphService<Schema>, work: (database: Database<Schema>, context: MaintenanceContext) => Promise<T>): Promise<T> {
  const config = subgraphConfig(service.name);
  const log = createLogger(service.name, process.env.LOG_LEVEL ?? 'warn');
  const party = loadServiceParty(service.name, config);
  const database = openDatabase<Schema>({ name: service.name, dataDir: config.dataDir, url: config.databaseUrl });
  const shared = departmentSharedState(service.name, config, party, log);
  try {
    await prepareDatabase(service, database, log, { sealingSecret: party.keys.sealingSecret, migrate: config.migrateOnStart !== false });
    return await work(database, {
      config,
      party,
      log,
      get bus() {
        return shared.bus;
      },
      get rateLimiter() {
        return shared.rateLimiter;
      },
    });
  } finally {
    await shared.close();
    await database.close();
  }
}
