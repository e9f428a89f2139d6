import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/index.js';
import { FileEventBus } from '../src/events/index.js';
import { createLogger } from '../src/logger.js';
import { testParties } from '../src/testing/index.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'govgraph-modes-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const modeOf = (file: string) => statSync(file).mode & 0o777;

/** The file and every companion SQLite made beside it, with their modes. */
function modes(file: string): Record<string, number> {
  return Object.fromEntries(['', '-wal', '-shm'].filter((suffix) => existsSync(file + suffix)).map((suffix) => [suffix || 'db', modeOf(file + suffix)]));
}

describe('files holding personal data are the owner’s only', () => {
  it('a department’s SQLite database and its -wal and -shm are created 0600', async () => {
    const dataDir = tempDir();
    const database = openDatabase<any>({ name: 'identity', dataDir });
    await sql`create table t (x text)`.execute(database.db);
    await sql`insert into t values ('张三')`.execute(database.db);
    const file = join(dataDir, 'identity.sqlite');
    expect(modes(file)).toEqual({ db: 0o600, '-wal': 0o600, '-shm': 0o600 });
    await database.close();
  });

  it('one left readable by an older version is narrowed when opened', async () => {
    const dataDir = tempDir();
    const file = join(dataDir, 'catalog.sqlite');
    writeFileSync(file, '');
    chmodSync(file, 0o644);
    const database = openDatabase<any>({ name: 'catalog', dataDir });
    await sql`create table t (x text)`.execute(database.db);
    expect(modes(file)).toEqual({ db: 0o600, '-wal': 0o600, '-shm': 0o600 });
    await database.close();
  });

  it('the shared events file too', async () => {
    const dataDir = tempDir();
    const parties = testParties(['catalog']);
    const bus = new FileEventBus(dataDir, createLogger('test', 'silent'), { party: parties.catalog, eventsRefused: { inc: () => undefined } });
    await bus.publish('catalog-changed', { reason: 'started', at: new Date().toISOString() });
    expect(modes(join(dataDir, 'events.sqlite'))).toEqual({ db: 0o600, '-wal': 0o600, '-shm': 0o600 });
    await bus.close();
  });

  it('and the parties’ key files (party-keys.ts), in a folder of their own', () => {
    const parties = testParties(['identity']);
    const dir = join(parties.dir, 'keys', 'identity');
    expect(modeOf(dir)).toBe(0o700);
    expect(modeOf(join(dir, 'signing-keys.json'))).toBe(0o600);
    expect(modeOf(join(dir, 'seal.key'))).toBe(0o600);
  });
});
