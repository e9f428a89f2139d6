import { join } from 'node:path';
import { createFileCredentialStore, createRedisCredentialStore, type CredentialStore } from '../governance/index.js';
import { UsageError } from './cli-args.js';
import { dataDirectory } from './cli-environment.js';

/**
 * The credential store the gateways read, found as they find it: Redis under REDIS_KEY_PREFIX
 * when REDIS_URL is set, else `<DATA_DIR>/registry/credentials.json`. Run the credentials
 * commands with the gateways' REDIS_URL, or on the gateway's machine with its DATA_DIR.
 */
export async function openCredentialStore(env: NodeJS.ProcessEnv = process.env): Promise<CredentialStore> {
  if (!env.REDIS_URL) return createFileCredentialStore(join(dataDirectory(env), 'registry', 'credentials.json'));
  let host: string;
  try {
    host = new URL(env.REDIS_URL).host;
  } catch {
    throw new UsageError(`REDIS_URL is not a URL: ${JSON.stringify(env.REDIS_URL)}`);
  }
  // Loaded only here: the kit is heavy, and most commands never need Redis.
  const { connectRedis, createLogger } = await import('@govgraph/kit');
  const connection = connectRedis(env.REDIS_URL, createLogger('govgraph-cli', 'silent'));
  await connection.ready;
  if (!connection.client.isReady) {
    await connection.close();
    throw new UsageError(`cannot reach Redis at ${host} (REDIS_URL)`);
  }
  return createRedisCredentialStore({ client: async () => connection.client, prefix: env.REDIS_KEY_PREFIX || 'govgraph:', close: () => connection.close() });
}

/** Runs a command on the store and always closes it (a Redis connection would keep the CLI alive). */
export async function withCredentialStore<T>(use: (store: CredentialStore) => Promise<T>): Promise<T> {
  const store = await openCredentialStore();
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}
