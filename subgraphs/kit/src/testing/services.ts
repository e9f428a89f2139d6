import { randomBytes } from 'node:crypto';
import net from 'node:net';
import pg from 'pg';

/**
 * Tests that need PostgreSQL or Redis run against the real servers. On a laptop without them
 * they skip with a visible notice; in CI (CI=true) a missing server is a failure.
 */
export const POSTGRES_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

const inCI = () => process.env.CI === 'true' || process.env.CI === '1';

// Generous: on a saturated CI machine a local connect can take over a second.
function portAnswers(url: string, timeoutMs = 5_000): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname || '127.0.0.1', port: Number(port) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** True when the service answers; false (after a notice) when tests should skip; throws in CI. */
export async function serviceAvailable(name: 'PostgreSQL' | 'Redis', url: string): Promise<boolean> {
  if (await portAnswers(url)) return true;
  const message = `${name} is not answering at ${new URL(url).host}`;
  if (inCI()) throw new Error(`${message}; CI requires it`);
  console.warn(`\n  ⚠ SKIPPED: ${message} — tests that need ${name} are skipped on this machine.\n`);
  return false;
}

export const postgresAvailable = () => serviceAvailable('PostgreSQL', POSTGRES_URL);
export const redisAvailable = () => serviceAvailable('Redis', REDIS_URL);

/**
 * Runs one administrative statement on a fresh connection. While the whole suite runs, the shared
 * server can be briefly out of connection slots (a dozen graphs hold pools): such refusals are
 * retried for a while instead of failing an unrelated test file.
 */
async function adminStatement(baseUrl: string, statement: string): Promise<void> {
  const transient = new Set(['53300', '57P03', 'ECONNRESET', 'ECONNREFUSED']);
  for (let attempt = 0; ; attempt++) {
    const client = new pg.Client({ connectionString: baseUrl });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query(statement);
      return;
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (!transient.has(code) || attempt >= 40) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250 + attempt * 50));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

/** A throwaway PostgreSQL schema, so parallel tests never see each other's tables. */
export async function createScratchSchema(baseUrl = POSTGRES_URL): Promise<{ url: string; drop(): Promise<void> }> {
  const schema = `gg_test_${randomBytes(6).toString('hex')}`;
  await adminStatement(baseUrl, `create schema ${schema}`);
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    drop: () => adminStatement(baseUrl, `drop schema if exists ${schema} cascade`),
  };
}
