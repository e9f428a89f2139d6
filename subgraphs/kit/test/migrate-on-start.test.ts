import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { readMigrateOnStart } from '../src/config.js';
import { openDatabase } from '../src/db/index.js';
import { createLogger } from '../src/logger.js';
import { migrateDatabase, prepareDatabase, type SubgraphService } from '../src/service.js';

interface Tables {
  record: { id: string };
}

const service: SubgraphService<Tables> = {
  name: 'catalog',
  department: 'test',
  migrations: {
    '0001-record': { up: async (db: Kysely<any>) => void (await db.schema.createTable('record').addColumn('id', 'varchar(16)').execute()) },
    '0002-index': { up: async (db: Kysely<any>) => void (await db.schema.createIndex('record_id').on('record').column('id').execute()) },
  },
  buildSchema: () => Promise.reject(new Error('not needed')),
  createServer: () => Promise.reject(new Error('not needed')),
};
const log = createLogger('catalog', 'silent');

describe('migrating on start, or before (npm run migrate)', () => {
  it('reads <NAME>_MIGRATE_ON_START before MIGRATE_ON_START, on by default, and refuses garbage', () => {
    expect(readMigrateOnStart('catalog', {})).toBe(true);
    expect(readMigrateOnStart('catalog', { MIGRATE_ON_START: 'false' })).toBe(false);
    expect(readMigrateOnStart('catalog', { MIGRATE_ON_START: 'false', CATALOG_MIGRATE_ON_START: 'true' })).toBe(true);
    expect(readMigrateOnStart('housing-fund', { HOUSING_FUND_MIGRATE_ON_START: 'off' })).toBe(false);
    expect(() => readMigrateOnStart('catalog', { MIGRATE_ON_START: 'later' })).toThrow('MIGRATE_ON_START must be true or false, got "later"');
  });

  it('with migrating off, refuses a database that lacks a migration and starts on one migrated before', async () => {
    const database = openDatabase<Tables>({ name: 'catalog', dataDir: ':memory:' });
    try {
      await expect(prepareDatabase(service, database, log, { migrate: false })).rejects.toThrow(
        'lacks 2 migration(s) (0001-record, 0002-index) and migrating on start is off (MIGRATE_ON_START=false): run npm run migrate first',
      );
      expect(await migrateDatabase(service, database)).toEqual(['0001-record', '0002-index']);
      await prepareDatabase(service, database, log, { migrate: false });
      expect(await migrateDatabase(service, database)).toEqual([]);
    } finally {
      await database.close();
    }
  });
});
