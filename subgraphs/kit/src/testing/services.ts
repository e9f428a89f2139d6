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

function portAnswers(url: string, timeoutMs = 1_000): Promise<boolean> {
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

/** A throwaway PostgreSQL schema, so parallel tests never see each other's tables. */
export async function createScratchSchema(baseUrl = POSTGRES_URL): Promise<{ url: string; drop(): Promise<void> }> {
  const schema = `gg_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    },
  };
}
