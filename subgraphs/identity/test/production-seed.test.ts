import 'reflect-metadata';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, openDatabase, prepareDatabase } from '@govgraph/kit';
import type { IdentityTables } from '../src/database.js';
import { identityService } from '../src/server.js';

/** identity prepared as `npm start` prepares it, on an empty database, with the given environment. */
async function prepare(env: NodeJS.ProcessEnv) {
  const lines: Array<{ level: number; msg: string }> = [];
  const sink = new Writable({
    write: (chunk, _e, done) => (
      lines.push(
        ...String(chunk)
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l)),
      ),
      done()
    ),
  });
  const database = openDatabase<IdentityTables>({ name: 'identity', dataDir: ':memory:' });
  try {
    await prepareDatabase(identityService, database, createLogger('identity', 'info', sink), { env, sealingSecret: 's'.repeat(40) });
    const count = async (table: 'account' | 'person') =>
      Number(
        (
          await database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return { accounts: await count('account'), persons: await count('person'), warnings: lines.filter((l) => l.level === 40).map((l) => l.msg) };
  } finally {
    await database.close();
  }
}

describe('identity with NODE_ENV=production on an empty database', () => {
  it('writes no demo accounts (password `demo`) and no demo city', async () => {
    expect(await prepare({ NODE_ENV: 'production' })).toEqual({ accounts: 0, persons: 0, warnings: [] });
  });

  it('writes them only when GOVGRAPH_SEED_DEMO=true asks, and warns that it did', async () => {
    const asked = await prepare({ NODE_ENV: 'production', GOVGRAPH_SEED_DEMO: 'true' });
    expect(asked.accounts).toBe(7);
    expect(asked.persons).toBeGreaterThan(10_000);
    expect(asked.warnings).toEqual([expect.stringContaining('SEEDING DEMO DATA IN PRODUCTION')]);
  });
});
