import { join } from 'node:path';
import { createFileCredentialStore, createRedisCredentialStore, type CredentialStore } from '@govgraph/schema/governance';
import { dataDirectory } from './cli-environment.js';
import { connectToRedis } from './redis-connection.js';

/**
 * The credential store the gateways read, found as they find it: Redis under REDIS_KEY_PREFIX
 * when REDIS_URL is set, else `<DATA_DIR>/registry/credentials.json`. Run the credentials
 * commands with the gateways' REDIS_URL, or on the gateway's machine with its DATA_DIR.
 */
export async function openCredentialStore(env: NodeJS.ProcessEnv = process.env): Promise<CredentialStore> {
  if (!env.REDIS_URL) {
    const dataDir = dataDirectory("no credential store (the gateways' REDIS_URL is not set)", env);
    return createFileCredentialStore(join(dataDir, 'registry', 'credentials.json'));
  }
  const connection = await connectToRedis(env.REDIS_URL);
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
