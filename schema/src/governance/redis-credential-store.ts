import type { RedisClient } from '@govgraph/kit';
import { readCredentialRecord, type CredentialRecord, type CredentialStore } from './credential-store.js';

export interface RedisCredentialStoreOptions {
  /** A connected client (the gateway's, or the CLI's own): throws when Redis cannot be reached. */
  client: () => Promise<RedisClient>;
  /** REDIS_KEY_PREFIX: the store is `<prefix>registry:credentials`, shared by every gateway on it. */
  prefix: string;
  close?: () => Promise<void>;
}

/** Revokes once: the first revocation time stays, a second revoke changes nothing. */
const REVOKE_SCRIPT = `
local json = redis.call('HGET', KEYS[1], ARGV[1])
if not json then return false end
local record = cjson.decode(json)
if record.revokedAt == nil or record.revokedAt == cjson.null then
  record.revokedAt = ARGV[2]
  json = cjson.encode(record)
  redis.call('HSET', KEYS[1], ARGV[1], json)
end
return json`;

/**
 * Credentials in a Redis hash (id → record JSON), for gateways sharing REDIS_URL: a credential
 * issued or revoked counts on every gateway at its next request (each check reads the hash).
 */
export function createRedisCredentialStore(options: RedisCredentialStoreOptions): CredentialStore {
  const key = `${options.prefix}registry:credentials`;
  return {
    kind: 'redis',
    location: key,
    async records() {
      const client = await options.client();
      const hash = (await client.hGetAll(key)) as unknown as Record<string, string>;
      const records: CredentialRecord[] = [];
      for (const json of Object.values(hash ?? {})) {
        const record = readCredentialRecord(safeJson(json));
        if (record) records.push(record);
      }
      return records.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    },
    async add(record) {
      const client = await options.client();
      await client.hSet(key, record.id, JSON.stringify(record));
    },
    async revoke(id, at) {
      const client = await options.client();
      const json = (await client.eval(REVOKE_SCRIPT, { keys: [key], arguments: [id, at] })) as string | null;
      return json ? readCredentialRecord(safeJson(json)) : undefined;
    },
    async close() {
      await options.close?.();
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
