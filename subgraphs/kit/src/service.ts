import type { Kysely } from 'kysely';
import type { SubgraphConfig } from './config.js';
import type { SubgraphName } from './subgraph-registry.js';
import { migrateToLatest, openDatabase, type Database, type Dialect, type Migrations } from './db/index.js';
import type { FederatedSchema } from './federated-schema.js';
import type { Logger } from './logger.js';
import type { RunningSubgraph, Subgraph } from './create-subgraph.js';

export interface ServiceDeps<Schema> {
  database: Database<Schema>;
  secret: string;
  log: Logger;
  dataDir: string;
  redisUrl: string | undefined;
  redisPrefix: string;
  /** The service's clock; tests move it to show deadlines and expiry. Real time when absent. */
  clock?: () => Date;
}

/** Everything the harness, `npm start` and the schema printer need to know about a subgraph. */
export interface SubgraphService<Schema> {
  name: SubgraphName;
  /** Department that runs it, for docs and error messages. */
  department: string;
  /** This subgraph's migrations; a function when some differ by dialect (extensions, FTS). */
  migrations: Migrations | ((dialect: Dialect) => Migrations);
  /** Deterministic demo data, written once into an empty database, in one transaction. */
  seed?: (trx: Kysely<Schema>, context: SeedContext<Schema>) => Promise<void>;
  /**
   * Raised when a migration replaces demo reference data (the catalog's): a database seeded by
   * an older version is seeded again once. Data users created is never touched by a seed.
   */
  seedVersion?: number;
  /** The schema without any database: for printing SDL and composing. */
  buildSchema(): Promise<FederatedSchema>;
  createServer(deps: ServiceDeps<Schema>): Promise<Subgraph>;
}

export interface SeedContext<Schema> {
  database: Database<Schema>;
  /** The shared secret, for seeds that sign or seal (licences, keys). */
  secret: string;
}

interface MetaTable {
  govgraph_meta: { key: string; value: string };
}

/** Migrates, then seeds once: a marker row written in the seed's own transaction. */
export async function prepareDatabase<Schema>(
  service: SubgraphService<Schema>,
  database: Database<Schema>,
  log: Logger,
  options: { seed?: boolean; secret?: string } = {},
): Promise<void> {
  const migrations = typeof service.migrations === 'function' ? service.migrations(database.dialect) : service.migrations;
  const applied = await migrateToLatest(database.db, migrations, database.dialect);
  if (applied.length > 0) log.info({ applied }, 'migrations applied');
  const meta = database.db as unknown as Kysely<MetaTable>;
  await meta.schema
    .createTable('govgraph_meta')
    .ifNotExists()
    .addColumn('key', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  if (!service.seed || options.seed === false) return;
  const version = String(service.seedVersion ?? 1);
  const seeded = await meta.selectFrom('govgraph_meta').select(['key', 'value']).where('key', 'in', ['seeded_at', 'seed_version']).execute();
  const seededVersion = seeded.find((r) => r.key === 'seed_version')?.value ?? (seeded.length > 0 ? '1' : null);
  if (seededVersion === version) return;
  const started = Date.now();
  await database.db.transaction().execute(async (trx) => {
    await service.seed!(trx, { database, secret: options.secret ?? '' });
    const metaTrx = trx as unknown as Kysely<MetaTable>;
    await metaTrx.deleteFrom('govgraph_meta').where('key', 'in', ['seeded_at', 'seed_version']).execute();
    await metaTrx
      .insertInto('govgraph_meta')
      .values([
        { key: 'seeded_at', value: new Date().toISOString() },
        { key: 'seed_version', value: version },
      ])
      .execute();
  });
  log.info({ ms: Date.now() - started, seedVersion: version }, 'demo data seeded');
}

export interface StartedService {
  running: RunningSubgraph;
  database: Database<unknown>;
}

/** Opens the database, prepares it and listens: one department's service, ready. */
export async function startService<Schema>(
  service: SubgraphService<Schema>,
  config: SubgraphConfig,
  deps: { secret: string; log: Logger; seed?: boolean; clock?: () => Date },
): Promise<StartedService> {
  const database = openDatabase<Schema>({ name: config.name, dataDir: config.dataDir, url: config.databaseUrl });
  try {
    await prepareDatabase(service, database, deps.log, { seed: deps.seed ?? true, secret: deps.secret });
    const subgraph = await service.createServer({
      database,
      secret: deps.secret,
      log: deps.log,
      dataDir: config.dataDir,
      redisUrl: config.redisUrl,
      redisPrefix: config.redisPrefix,
      ...(deps.clock ? { clock: deps.clock } : {}),
    });
    const running = await subgraph.listen(config.port, config.host);
    return {
      database: database as Database<unknown>,
      running: { ...running, close: async () => { await running.close(); await database.close(); } },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
