import { Writable } from 'node:stream';
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/index.js';
import { demoSeedPolicy } from '../src/demo-seed-policy.js';
import { createLogger } from '../src/logger.js';
import { prepareDatabase, type SubgraphService } from '../src/service.js';

interface Tables {
  account: { username: string };
}

/** A department whose seed writes one demo account, as identity's writes zhangsan and the others. */
const service: SubgraphService<Tables> = {
  name: 'identity',
  department: 'test',
  migrations: {
    '0001': { up: async (db: Kysely<any>) => void (await db.schema.createTable('account').addColumn('username', 'varchar(64)').execute()) },
  },
  seed: async (trx) => void (await trx.insertInto('account').values({ username: 'zhangsan' }).execute()),
  buildSchema: () => Promise.reject(new Error('not needed')),
  createServer: () => Promise.reject(new Error('not needed')),
};

async function prepareEmpty(env: NodeJS.ProcessEnv, seed?: boolean) {
  const lines: Array<{ level: number; msg: string }> = [];
  const log = createLogger(
    'identity',
    'info',
    new Writable({
      write: (chunk, _e, done) => (
        lines.push(
          ...String(chunk)
            .trim()
            .split('\n')
            .map((l) => JSON.parse(l)),
        ),
        done()
      ),
    }),
  );
  const database = openDatabase<Tables>({ name: 'identity', dataDir: ':memory:' });
  try {
    await prepareDatabase(service, database, log, { env, ...(seed !== undefined ? { seed } : {}) });
    const accounts = await database.db.selectFrom('account').select('username').execute();
    return { accounts: accounts.map((a) => a.username), warnings: lines.filter((l) => l.level === 40).map((l) => l.msg), lines };
  } finally {
    await database.close();
  }
}

describe('demo data', () => {
  it('is seeded into an empty database in development and tests, quietly', async () => {
    for (const env of [{}, { NODE_ENV: 'development' }, { NODE_ENV: 'test' }, { NODE_ENV: 'test', GOVGRAPH_SEED_DEMO: 'true' }]) {
      expect(await prepareEmpty(env)).toMatchObject({ accounts: ['zhangsan'], warnings: [] });
    }
  });

  it('is never seeded with NODE_ENV=production unless GOVGRAPH_SEED_DEMO=true asks, and then it warns', async () => {
    const production = await prepareEmpty({ NODE_ENV: 'production' });
    expect(production.accounts).toEqual([]);
    expect(production.lines.map((l) => l.msg)).toContain('no demo data written (GOVGRAPH_SEED_DEMO=true asks for it)');
    expect((await prepareEmpty({ NODE_ENV: 'production', GOVGRAPH_SEED_DEMO: 'false' })).accounts).toEqual([]);

    const asked = await prepareEmpty({ NODE_ENV: 'production', GOVGRAPH_SEED_DEMO: 'true' });
    expect(asked.accounts).toEqual(['zhangsan']);
    expect(asked.warnings).toEqual([expect.stringMatching(/^SEEDING DEMO DATA IN PRODUCTION \(GOVGRAPH_SEED_DEMO=true\).*password "demo"/)]);
  });

  it('GOVGRAPH_SEED_DEMO=false turns it off anywhere; a caller saying seed: false wins; a bad value stops the start', async () => {
    expect((await prepareEmpty({ GOVGRAPH_SEED_DEMO: 'false' })).accounts).toEqual([]);
    expect((await prepareEmpty({ GOVGRAPH_SEED_DEMO: 'true' }, false)).accounts).toEqual([]);
    expect(() => demoSeedPolicy({ GOVGRAPH_SEED_DEMO: 'yes' })).toThrow(/GOVGRAPH_SEED_DEMO must be true or false/);
    expect(demoSeedPolicy({ NODE_ENV: 'production', GOVGRAPH_SEED_DEMO: ' TRUE ' })).toEqual({ seed: true, loud: true });
  });
});
