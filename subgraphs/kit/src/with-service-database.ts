import { subgraphConfig, type SubgraphConfig } from './config.js';
import { openDatabase, type Database } from './db/index.js';
import { createLogger, type Logger } from './logger.js';
import { prepareDatabase, type SubgraphService } from './service.js';
import { loadSharedSecret } from './trust/shared-secret.js';

export interface MaintenanceContext {
  config: SubgraphConfig;
  secret: string;
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
  const secret = loadSharedSecret(config.dataDir);
  const database = openDatabase<Schema>({ name: service.name, dataDir: config.dataDir, url: config.databaseUrl });
  try {
    await prepareDatabase(service, database, log, { secret });
    return await work(database, { config, secret, log });
  } finally {
    await database.close();
  }
}
