import type { Kysely } from 'kysely';
import type { SubgraphConfig } from './config.js';
import type { SubgraphName } from './subgraph-registry.js';
import { migrateToLatest, openDatabase, pendingMigrations, type Database, type Dialect, type Migrations } from './db/index.js';
import type { FederatedSchema } from './federated-schema.js';
import type { Logger } from './logger.js';
import type { RunningSubgraph, Subgraph } from './create-subgraph.js';
import { keyLocationsFrom, loadPartyCredentials, type PartyCredentials } from './trust/key-locations.js';
import { createNonceStore, type NonceStore } from './trust/replay-guard.js';
import { CASE_GRANT_ISSUER } from './trust/case-grant.js';
import { CASE_DECISION_STREAM, LICENCE_STATUS_STREAM } from './events/case-events.js';
import { DATA_ACCESS_STREAM } from './events/data-access-event.js';
import { publishersOf } from './events/stream-publishers.js';
import { demoSeedPolicy, SEED_DEMO_VARIABLE } from './demo-seed-policy.js';
import { departmentSharedState, type SharedStateClients } from './shared-state.js';
import { createServiceTracing, registerServiceTracer } from './tracing/service-tracing.js';

/**
 * What the kit hands a department's createServer. It opens and closes all of it: the database,
 * the nonce store, and the event bus and rate limiter (opened when first read, see shared-state.ts).
 */
export interface ServiceDeps<Schema> extends SharedStateClients {
  database: Database<Schema>;
  /** This department's own keys (it signs its events, applications its case grants) and the trust list. */
  party: PartyCredentials;
  /** Nonces of accepted gateway signatures, shared by every replica through Redis when set. */
  nonces: NonceStore;
  log: Logger;
  /** DATA_DIR: where a department keeps files beside its database (applications' documents). */
  dataDir: string;
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
  /** The department's own sealing secret, for seeds that seal private keys (licences' issuer keys). */
  sealingSecret: string;
}

interface MetaTable {
  govgraph_meta: { key: string; value: string };
}

function migrationsOf<Schema>(service: SubgraphService<Schema>, database: Database<Schema>): Migrations {
  return typeof service.migrations === 'function' ? service.migrations(database.dialect) : service.migrations;
}

/** Applies the department's pending migrations and creates the kit's own table; the names applied. */
export async function migrateDatabase<Schema>(service: SubgraphService<Schema>, database: Database<Schema>): Promise<string[]> {
  const applied = await migrateToLatest(database.db, migrationsOf(service, database), database.dialect);
  await (database.db as unknown as Kysely<MetaTable>).schema
    .createTable('govgraph_meta')
    .ifNotExists()
    .addColumn('key', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  return applied;
}

/**
 * `npm run migrate`: opens the department's database as its service would (config: PostgreSQL at
 * `<NAME>_DATABASE_URL`, else `<DATA_DIR>/<name>.sqlite`), applies its pending migrations and
 * closes it. No keys, no seed, no listening: a step a deployment runs before rolling out.
 */
export async function migrateServiceDatabase<Schema>(service: SubgraphService<Schema>, config: SubgraphConfig): Promise<{ applied: string[]; location: string }> {
  const database = openDatabase<Schema>({ name: config.name, dataDir: config.dataDir, url: config.databaseUrl, maxConnections: 1 });
  try {
    return { applied: await migrateDatabase(service, database), location: database.location };
  } finally {
    await database.close();
  }
}

/**
 * Migrates (unless `migrate: false`: then refuses a database that lacks a migration), then seeds
 * once: a marker row written in the seed's own transaction. Whether demo data is written at all
 * follows `seed` when given, else the environment (demo-seed-policy.ts): never with
 * NODE_ENV=production unless GOVGRAPH_SEED_DEMO=true, and then loudly.
 */
export async function prepareDatabase<Schema>(
  service: SubgraphService<Schema>,
  database: Database<Schema>,
  log: Logger,
  options: { seed?: boolean; sealingSecret?: string; env?: NodeJS.ProcessEnv; migrate?: boolean } = {},
): Promise<void> {
  const env = options.env ?? process.env;
  const policy = demoSeedPolicy(env);
  if (options.migrate === false) {
    const pending = await pendingMigrations(database.db, migrationsOf(service, database), database.dialect);
    if (pending.length > 0) {
      throw new Error(
        `${service.name}: the database (${database.location}) lacks ${pending.length} migration(s) (${pending.join(', ')}) and migrating on start is off (MIGRATE_ON_START=false): run npm run migrate first`,
      );
    }
  } else {
    const applied = await migrateDatabase(service, database);
    if (applied.length > 0) log.info({ applied }, 'migrations applied');
  }
  const meta = database.db as unknown as Kysely<MetaTable>;
  if (!service.seed || options.seed === false) return;
  const version = String(service.seedVersion ?? 1);
  const seeded = await meta.selectFrom('govgraph_meta').select(['key', 'value']).where('key', 'in', ['seeded_at', 'seed_version']).execute();
  const seededVersion = seeded.find((r) => r.key === 'seed_version')?.value ?? (seeded.length > 0 ? '1' : null);
  if (seededVersion === version) return;
  if (!(options.seed ?? policy.seed)) {
    log.info({ variable: SEED_DEMO_VARIABLE }, `no demo data written (${SEED_DEMO_VARIABLE}=true asks for it)`);
    return;
  }
  if (env.NODE_ENV === 'production') {
    log.warn(
      { variable: SEED_DEMO_VARIABLE },
      `SEEDING DEMO DATA IN PRODUCTION (${SEED_DEMO_VARIABLE}=true): demo accounts sign in with the password "demo" — never on a system with real people's data`,
    );
  }
  const started = Date.now();
  await database.db.transaction().execute(async (trx) => {
    await service.seed!(trx, { database, sealingSecret: options.sealingSecret ?? '' });
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

/**
 * Opens the database, prepares it and listens: one department's service, ready. Everything the
 * department was handed is closed here, after its HTTP server: the bus and rate limiter, then the
 * database and the nonce store.
 */
export async function startService<Schema>(
  service: SubgraphService<Schema>,
  config: SubgraphConfig,
  deps: { party: PartyCredentials; log: Logger; seed?: boolean; clock?: () => Date },
): Promise<StartedService> {
  // Tracing first, so the database's statements and the server's requests find the tracer.
  const tracing = config.tracing ? await createServiceTracing(config.tracing, deps.log.child({ component: 'tracing' })) : null;
  const unregister = tracing ? registerServiceTracer(service.name, tracing.tracer) : () => undefined;
  const database = openDatabase<Schema>({ name: config.name, dataDir: config.dataDir, url: config.databaseUrl });
  const nonces = createNonceStore({ redisUrl: config.redisUrl, redisPrefix: config.redisPrefix, party: service.name, log: deps.log });
  const shared = departmentSharedState(service.name, config, deps.party, deps.log);
  const closeAll = async () => {
    await shared.close();
    await database.close();
    await nonces.close();
    unregister();
    await tracing?.close();
  };
  try {
    // Demo data by the environment's policy unless the caller decides (prepareDatabase).
    await prepareDatabase(service, database, deps.log, {
      ...(deps.seed !== undefined ? { seed: deps.seed } : {}),
      sealingSecret: deps.party.keys.sealingSecret,
      migrate: config.migrateOnStart !== false,
    });
    const subgraph = await service.createServer({
      database,
      party: deps.party,
      nonces,
      log: deps.log,
      dataDir: config.dataDir,
      // Getters, not values: a client opens only if the department reads it.
      get bus() {
        return shared.bus;
      },
      get rateLimiter() {
        return shared.rateLimiter;
      },
      ...(deps.clock ? { clock: deps.clock } : {}),
    });
    const running = await subgraph.listen(config.port, config.host);
    return {
      database: database as Database<unknown>,
      running: {
        ...running,
        close: async () => {
          await running.close();
          await closeAll();
        },
      },
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

/** The event streams each known department reads (its consumers subscribe to these). */
const CONSUMES: Readonly<Record<string, readonly string[]>> = {
  identity: [DATA_ACCESS_STREAM],
  licences: [CASE_DECISION_STREAM],
  applications: [LICENCE_STATUS_STREAM],
};
/** Departments that open case grants an officer presents. */
const OPENS_CASE_GRANTS: readonly string[] = ['identity', 'licences'];

/**
 * The parties whose signatures a department verifies: the gateway's requests, applications' case
 * grants (identity and licences), and the publishers of the streams it reads. Production refuses
 * to start when the trust list lacks one of them.
 */
export function trustedPartiesOf(name: string): string[] {
  const parties = ['gateway', ...(OPENS_CASE_GRANTS.includes(name) ? [CASE_GRANT_ISSUER] : []), ...(CONSUMES[name] ?? []).flatMap(publishersOf)];
  return [...new Set(parties)];
}

/** A department's own keys and the trust list, from the environment (service-config.ts: GOVGRAPH_KEYS_DIR, GOVGRAPH_TRUST_DIR). */
export function loadServiceParty(name: string, config: SubgraphConfig, env: NodeJS.ProcessEnv = process.env): PartyCredentials {
  return loadPartyCredentials(name, keyLocationsFrom(env, config.dataDir), trustedPartiesOf(name));
}
