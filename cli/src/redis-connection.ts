import type { RedisClient } from '@govgraph/kit';
import { UsageError } from './cli-args.js';

/**
 * A short-lived Redis connection for the credential commands, the only ones that need Redis:
 * the client is imported when one runs, so no other command loads it. One attempt, no
 * reconnecting: an operator's command either reaches Redis or says it cannot.
 */
export async function connectToRedis(url: string): Promise<{ client: RedisClient; close(): Promise<void> }> {
  let host: string;
  try {
    host = new URL(url).host;
  } catch {
    throw new UsageError(`REDIS_URL is not a URL: ${JSON.stringify(url)}`);
  }
  const { createClient } = await import('@redis/client');
  const client = createClient({ url, socket: { connectTimeout: 2_000, reconnectStrategy: false }, disableOfflineQueue: true });
  client.on('error', () => undefined); // a failed connect is reported below, once
  try {
    await client.connect();
  } catch (error) {
    if (client.isOpen) client.destroy();
    throw new UsageError(`cannot reach Redis at ${host} (REDIS_URL): ${(error as Error).message}`);
  }
  return {
    client: client as unknown as RedisClient,
    async close() {
      await client.quit().catch(() => client.destroy());
    },
  };
}
